package io.promptlens.app.batches;

import io.promptlens.vision.intake.FormatSniffer;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The images of one batch upload, read part by part and entry by entry and handed on one at a time,
 * so an upload of any size holds one image in memory. A part or entry is an image by its content
 * (never its name); a ZIP part is opened as an archive. An archive is hostile input: too many
 * entries, too much inflated data, a compression ratio no photo archive has, an entry name that
 * climbs out of the archive ({@code ../}, an absolute or drive path) or an archive inside it refuse
 * the whole upload with the reason, and the caller's transaction stores nothing.
 */
final class UploadedImages {

  /** Where each image goes; {@code failure} is set (and bytes empty) for one refused up front. */
  interface Sink {
    void accept(String name, byte[] bytes, @Nullable String failure);
  }

  /** What was left out and why, for the batch's summary. */
  static final class Skipped {
    int hidden;
    int notImages;

    int total() {
      return hidden + notImages;
    }
  }

  /** Below this much inflated data the ratio is not judged: tiny archives compress oddly. */
  private static final long RATIO_FLOOR = 1024 * 1024;

  private final BatchProperties limits;
  private final long maxImageBytes;
  private final Sink sink;
  final Skipped skipped = new Skipped();
  private int images;

  UploadedImages(BatchProperties limits, long maxImageBytes, Sink sink) {
    this.limits = limits;
    this.maxImageBytes = maxImageBytes;
    this.sink = sink;
  }

  int images() {
    return images;
  }

  /** One multipart part: an image, a ZIP of images, or something skipped. */
  void part(@Nullable String originalName, long size, InputStream in) throws IOException {
    String name = FileNames.ofUpload(originalName);
    if (name.startsWith(".")) {
      skipped.hidden++;
      return;
    }
    byte[] head = in.readNBytes(8);
    if (Archives.isZip(head)) {
      zip(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), in), size);
      return;
    }
    if (Archives.isArchive(head)) {
      throw new BatchRequestException(
          name + " is an archive other than ZIP; upload images or one ZIP of images");
    }
    byte[] rest = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxImageBytes + 1 - 8));
    image(name, concat(head, rest));
  }

  private void zip(InputStream in, long archiveBytes) throws IOException {
    int entries = 0;
    long inflated = 0;
    try (ZipInputStream zip = new ZipInputStream(in)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (++entries > limits.zipMaxEntries()) {
          throw new BatchRequestException(
              "the ZIP has more than " + limits.zipMaxEntries() + " entries");
        }
        String name = FileNames.ofZipEntry(entry.getName());
        if (entry.isDirectory()) {
          continue;
        }
        if (FileNames.hidden(name)) {
          skipped.hidden++;
          continue;
        }
        byte[] bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxImageBytes + 1));
        inflated += bytes.length;
        // What is left of an entry past the image limit is drained and counted, never kept.
        long rest = drain(zip, allowance(archiveBytes) - inflated + 1);
        inflated += rest;
        checkInflated(inflated, archiveBytes);
        if (Archives.isArchive(bytes)) {
          throw new BatchRequestException(
              "the ZIP holds another archive (" + name + "); nested archives are not accepted");
        }
        if (rest > 0) {
          accept(name, new byte[0], "larger than the image limit");
        } else {
          image(name, bytes);
        }
      }
    } catch (ZipException | java.io.EOFException e) {
      throw new BatchRequestException(
          "the ZIP could not be read (damaged, cut short or encrypted)");
    }
    if (entries == 0) {
      throw new BatchRequestException("the ZIP is empty or not a ZIP");
    }
  }

  /** The most an archive of this size may inflate to before it is refused. */
  private long allowance(long archiveBytes) {
    long byRatio = Math.max(RATIO_FLOOR, (long) limits.zipMaxRatio() * Math.max(0, archiveBytes));
    return Math.min(limits.zipMaxUncompressed().toBytes(), byRatio);
  }

  private void checkInflated(long inflated, long archiveBytes) {
    if (inflated > limits.zipMaxUncompressed().toBytes()) {
      throw new BatchRequestException(
          HttpStatus.CONTENT_TOO_LARGE,
          "the ZIP inflates to more than " + limits.zipMaxUncompressed().toMegabytes() + " MB");
    }
    if (inflated > RATIO_FLOOR && inflated > (long) limits.zipMaxRatio() * archiveBytes) {
      throw new BatchRequestException(
          "the ZIP inflates more than "
              + limits.zipMaxRatio()
              + " times its size, as a ZIP bomb does; image archives do not");
    }
  }

  private void image(String name, byte[] bytes) {
    if (FormatSniffer.sniff(bytes).isEmpty()) {
      skipped.notImages++;
      return;
    }
    if (bytes.length > maxImageBytes) {
      accept(name, new byte[0], "larger than the image limit");
      return;
    }
    accept(name, bytes, null);
  }

  private void accept(String name, byte[] bytes, @Nullable String failure) {
    if (++images > limits.maxItems()) {
      throw new BatchRequestException(
          "a batch holds at most " + limits.maxItems() + " images; split the upload");
    }
    sink.accept(name, bytes, failure);
  }

  private static long drain(InputStream in, long max) throws IOException {
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    int n;
    while (total < max && (n = in.read(buffer)) > 0) {
      total += n;
    }
    return total;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Magic bytes of archives and compressed streams. */
  static final class Archives {
    private Archives() {}

    static boolean isZip(byte[] d) {
      return starts(d, 'P', 'K', 3, 4) || starts(d, 'P', 'K', 5, 6) || starts(d, 'P', 'K', 7, 8);
    }

    static boolean isArchive(byte[] d) {
      return isZip(d)
          || starts(d, 0x1F, 0x8B) // gzip
          || starts(d, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C) // 7-Zip
          || starts(d, 'R', 'a', 'r', '!') // RAR
          || starts(d, 'B', 'Z', 'h') // bzip2
          || starts(d, 0xFD, '7', 'z', 'X', 'Z', 0) // xz
          || starts(d, 0x28, 0xB5, 0x2F, 0xFD) // zstd
          || (d.length > 262
              && new String(d, 257, 5, java.nio.charset.StandardCharsets.US_ASCII)
                  .equals("ustar")); // tar
    }

    private static boolean starts(byte[] d, int... magic) {
      if (d.length < magic.length) {
        return false;
      }
      for (int i = 0; i < magic.length; i++) {
        if ((d[i] & 0xFF) != magic[i]) {
          return false;
        }
      }
      return true;
    }
  }

  /** Names as the batch keeps them: relative, forward slashes, nothing that climbs out. */
  static final class FileNames {
    private FileNames() {}

    /** A browser sends the bare name; some send a path. Only the last segment is kept. */
    static String ofUpload(@Nullable String original) {
      String name = original == null ? "" : original.replace('\\', '/');
      name = name.substring(name.lastIndexOf('/') + 1);
      name = clean(name);
      return name.isEmpty() ? "image" : name;
    }

    /** A ZIP entry keeps its folders, but a name that leaves the archive refuses the upload. */
    static String ofZipEntry(String entry) {
      String name = entry.replace('\\', '/');
      if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
        throw new BatchRequestException(
            "the ZIP entry '" + clean(entry) + "' has an absolute path; entries must be relative");
      }
      for (String segment : name.split("/")) {
        if (segment.equals("..")) {
          throw new BatchRequestException(
              "the ZIP entry '" + clean(entry) + "' points outside the archive (../)");
        }
      }
      String cleaned = clean(name.replaceAll("/+", "/").replaceAll("(^|/)\\./", "$1"));
      return cleaned.isEmpty() ? "image" : cleaned;
    }

    static boolean hidden(String name) {
      for (String segment : name.split("/")) {
        if (segment.startsWith(".") || segment.equals("__MACOSX")) {
          return true;
        }
      }
      return false;
    }

    /** No control characters; at most 255 characters (the column holds 512). */
    private static String clean(String name) {
      String out = name.replaceAll("\\p{Cntrl}", "").strip();
      return out.length() > 255 ? out.substring(out.length() - 255) : out;
    }
  }
}
