package io.promptlens.cli;

import io.promptlens.core.caption.Csv;
import io.promptlens.core.compiler.PromptResult;
import io.promptlens.vision.json.AnalysisJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where captions go: a sidecar beside each image, and JSON Lines or CSV rows (a file or stdout). An
 * image is done when every requested output already has it: a sidecar that exists (sidecars are
 * renamed into place whole, so one that exists is complete) and a row naming the file in each rows
 * file. Rows are flushed one by one, so an interrupted run keeps every finished row and the next
 * run appends the rest. Thread-safe: workers call {@link #write} concurrently.
 */
final class CaptionOutputs implements AutoCloseable {

  enum Format {
    SIDECAR,
    JSONL,
    CSV
  }

  static final List<String> CSV_COLUMNS =
      List.of(
          "file",
          "caption",
          "prompt",
          "negative_prompt",
          "target",
          "mode",
          "tokens",
          "sha256",
          "width",
          "height");

  /** One captioned image. */
  record Row(
      String file, String caption, PromptResult result, String sha256, int width, int height) {}

  private final boolean sidecar;
  private final String extension;
  private final boolean overwrite;
  private final List<RowSink> sinks = new ArrayList<>();

  CaptionOutputs(
      Set<Format> formats,
      String extension,
      @Nullable Path out,
      boolean overwrite,
      PrintWriter stdout)
      throws IOException {
    this.sidecar = formats.contains(Format.SIDECAR);
    this.extension = extension;
    this.overwrite = overwrite;
    EnumSet<Format> rows = EnumSet.copyOf(formats);
    rows.remove(Format.SIDECAR);
    for (Format format : rows) {
      Path file = out == null ? null : rows.size() == 1 ? out : withExtension(out, format);
      sinks.add(
          file == null ? RowSink.stdout(format, stdout) : RowSink.file(format, file, overwrite));
    }
  }

  /** The sidecar of an image: its name without the last extension, plus ours. */
  Path sidecar(Path image) {
    String name = image.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return image.resolveSibling(base + extension);
  }

  boolean writesSidecars() {
    return sidecar;
  }

  /** Whether a skip-existing run may skip this image. */
  boolean done(Path image, String file) {
    if (overwrite) {
      return false;
    }
    if (sidecar && !Files.exists(sidecar(image))) {
      return false;
    }
    for (RowSink sink : sinks) {
      if (!sink.has(file)) {
        return false;
      }
    }
    return true;
  }

  /** Writes one image's caption everywhere; a failure here is that image's failure. */
  void write(Path image, Row row) throws IOException {
    if (sidecar) {
      writeAtomically(sidecar(image), row.caption() + "\n");
    }
    for (RowSink sink : sinks) {
      sink.write(row);
    }
  }

  @Override
  public void close() throws IOException {
    for (RowSink sink : sinks) {
      sink.close();
    }
  }

  /**
   * Temp file in the same folder (hidden, so a walk never takes it for an input), then a rename: a
   * crash leaves either the old sidecar, the new one or a stray temp file, never half a caption.
   */
  static void writeAtomically(Path target, String text) throws IOException {
    Path temp =
        target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Path withExtension(Path out, Format format) {
    String name = out.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return out.resolveSibling(base + (format == Format.JSONL ? ".jsonl" : ".csv"));
  }

  /** JSON Lines or CSV rows into one writer, remembering which files it already holds. */
  private static final class RowSink {
    private final Format format;
    private final Writer writer;
    private final boolean closeWriter;
    private final Set<String> files;

    private RowSink(Format format, Writer writer, boolean closeWriter, Set<String> files) {
      this.format = format;
      this.writer = writer;
      this.closeWriter = closeWriter;
      this.files = files;
    }

    static RowSink stdout(Format format, PrintWriter out) {
      RowSink sink = new RowSink(format, out, false, new HashSet<>());
      sink.header();
      return sink;
    }

    static RowSink file(Format format, Path file, boolean overwrite) throws IOException {
      Set<String> files = new HashSet<>();
      boolean fresh = overwrite || !Files.exists(file) || Files.size(file) == 0;
      if (!fresh) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
          lines.skip(format == Format.CSV ? 1 : 0).forEach(line -> files.add(fileOf(format, line)));
        } catch (UncheckedIOException e) {
          throw new IOException(
              file + " could not be read as UTF-8 " + format.name().toLowerCase());
        }
      }
      BufferedWriter writer =
          fresh
              ? Files.newBufferedWriter(file, StandardCharsets.UTF_8)
              : Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      RowSink sink = new RowSink(format, writer, true, files);
      if (fresh) {
        sink.header();
      }
      return sink;
    }

    private static String fileOf(Format format, String line) {
      if (format == Format.CSV) {
        // Only a whole row counts: a line cut by an interruption has fewer fields.
        List<String> fields = Csv.fields(line);
        return fields.size() == CSV_COLUMNS.size() ? fields.get(0) : "";
      }
      try {
        var node = AnalysisJson.mapper().readTree(line);
        return node.path("file").asString("");
      } catch (RuntimeException e) {
        // A line cut by an interruption names no file; its image is simply captioned again.
        return "";
      }
    }

    synchronized boolean has(String file) {
      return files.contains(file);
    }

    private void header() {
      if (format == Format.CSV) {
        try {
          writer.write(Csv.line(CSV_COLUMNS) + "\n");
          writer.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    synchronized void write(Row row) throws IOException {
      writer.write((format == Format.CSV ? csv(row) : json(row)) + "\n");
      writer.flush();
      files.add(row.file());
    }

    void close() throws IOException {
      if (closeWriter) {
        writer.close();
      } else {
        writer.flush();
      }
    }

    private static String csv(Row row) {
      PromptResult r = row.result();
      return Csv.line(
          java.util.Arrays.asList(
              row.file(),
              row.caption(),
              r.prompt(),
              r.negativePrompt(),
              r.target(),
              r.mode().toString(),
              r.tokens(),
              row.sha256(),
              row.width(),
              row.height()));
    }

    private static String json(Row row) {
      PromptResult r = row.result();
      ObjectNode node = AnalysisJson.mapper().createObjectNode();
      node.put("file", row.file());
      node.put("caption", row.caption());
      node.put("prompt", r.prompt());
      node.put("negativePrompt", r.negativePrompt());
      node.put("target", r.target());
      node.put("mode", r.mode().toString());
      node.put("tokens", r.tokens());
      node.put("sha256", row.sha256());
      node.put("width", row.width());
      node.put("height", row.height());
      return AnalysisJson.mapper().writeValueAsString(node);
    }
  }
}
