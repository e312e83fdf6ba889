package io.promptlens.cli;

import io.promptlens.vision.intake.FormatSniffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The images a {@code caption} run works on, found by content: a folder's files are opened and
 * their first bytes sniffed, so {@code scan001} without an extension is captioned and a text file
 * named {@code .jpg} is not. Hidden files and folders (a leading dot, as {@code ls} hides them) and
 * non-images inside folders are skipped and counted; a file named on the command line is always
 * tried, so a mistake there is reported rather than silently skipped. Only paths are held, never
 * image bytes. Symbolic links to folders are not followed (no loops).
 */
final class CaptionInputs {

  /** Enough for every signature {@link FormatSniffer} knows (BMP's DIB size ends at byte 18). */
  private static final int SNIFF_BYTES = 32;

  final List<Path> images = new ArrayList<>();
  final List<Failure> failures = new ArrayList<>();
  int hidden;
  int notImages;

  /** Files ending in this (our own sidecars) are neither inputs nor counted as non-images. */
  private String ownSuffix = "";

  record Failure(String file, String reason) {}

  static CaptionInputs find(List<String> paths, boolean recursive, String sidecarExtension) {
    CaptionInputs inputs = new CaptionInputs();
    inputs.ownSuffix = sidecarExtension;
    for (String given : paths) {
      Path path;
      try {
        path = Path.of(given);
      } catch (java.nio.file.InvalidPathException e) {
        inputs.failures.add(new Failure(given, "not a valid path"));
        continue;
      }
      if (Files.isDirectory(path)) {
        inputs.walk(path, recursive);
      } else if (Files.exists(path)) {
        inputs.images.add(path);
      } else {
        inputs.failures.add(new Failure(given, "no such file"));
      }
    }
    return inputs;
  }

  private void walk(Path folder, boolean recursive) {
    try (Stream<Path> entries = Files.list(folder)) {
      List<Path> sorted = entries.sorted().toList();
      for (Path entry : sorted) {
        if (isHidden(entry)) {
          hidden++;
        } else if (Files.isDirectory(entry)) {
          if (recursive && !Files.isSymbolicLink(entry)) {
            walk(entry, true);
          }
        } else if (Files.isRegularFile(entry)) {
          if (!ownSuffix.isEmpty() && entry.getFileName().toString().endsWith(ownSuffix)) {
            continue;
          }
          if (looksLikeImage(entry)) {
            images.add(entry);
          } else {
            notImages++;
          }
        }
      }
    } catch (IOException e) {
      failures.add(new Failure(folder.toString(), "folder could not be read"));
    }
  }

  private static boolean isHidden(Path entry) {
    Path name = entry.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static boolean looksLikeImage(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return FormatSniffer.sniff(in.readNBytes(SNIFF_BYTES)).isPresent();
    } catch (IOException e) {
      // Unreadable: let the analysis say so in its own line rather than hiding it as "not an
      // image".
      return true;
    }
  }
}
