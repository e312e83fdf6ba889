package io.promptlens.vision.intake;

/**
 * Limits checked before any pixel is decoded.
 *
 * @param maxBytes largest accepted file (default 30 MB)
 * @param maxPixels largest accepted width × height from the header (default 100 megapixels), so a
 *     decompression bomb is refused without allocating its pixels
 * @param analysisLongSide the long side, in pixels, that analysis decodes to by subsampling
 *     (default about 1,600); the full size is still reported
 */
public record IntakeLimits(long maxBytes, long maxPixels, int analysisLongSide) {

  public static final long DEFAULT_MAX_BYTES = 30L * 1024 * 1024;
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
  public static final int DEFAULT_ANALYSIS_LONG_SIDE = 1600;

  public IntakeLimits {
    if (maxBytes <= 0 || maxPixels <= 0 || analysisLongSide < 16) {
      throw new IllegalArgumentException(
          "intake limits must be positive (analysisLongSide at least 16)");
    }
  }

  public static IntakeLimits defaults() {
    return new IntakeLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_ANALYSIS_LONG_SIDE);
  }
}
