package io.promptlens.cli;

import java.nio.file.Path;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks of the caption command's output options; each failure is a usage error. */
final class CaptionFlags {

  private CaptionFlags() {}

  /** ".caption", "caption" → ".caption"; letters, digits, "-" and "_" only, not an image's own. */
  static String extension(String given) {
    String ext = given.strip().startsWith(".") ? given.strip() : "." + given.strip();
    if (!ext.matches("\\.[A-Za-z0-9_-]{1,16}")) {
      throw new IllegalArgumentException(
          "--ext must be a file extension like .txt or .caption (got '" + given + "')");
    }
    if (Set.of(".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff")
        .contains(ext.toLowerCase(java.util.Locale.ROOT))) {
      throw new IllegalArgumentException("--ext " + ext + " would overwrite images");
    }
    return ext;
  }

  static void checkRows(Set<CaptionOutputs.Format> formats, @Nullable Path out) {
    long rows = formats.stream().filter(f -> f != CaptionOutputs.Format.SIDECAR).count();
    if (out != null && rows == 0) {
      throw new IllegalArgumentException("--out needs --write jsonl or --write csv");
    }
    if (out == null && rows > 1) {
      throw new IllegalArgumentException("--write jsonl and csv together need --out FILE");
    }
  }
}
