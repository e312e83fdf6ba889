package io.promptlens.core.analysis;

/** Size and shape of the image as a viewer sees it (after EXIF orientation). */
public record ImageInfo(
    int width, int height, ImageFormat format, Orientation orientation, String aspectRatio) {

  public ImageInfo {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
    }
  }

  /** Builds the record from a size, deriving orientation and the nearest common aspect ratio. */
  public static ImageInfo of(int width, int height, ImageFormat format) {
    return new ImageInfo(
        width, height, format, Orientation.of(width, height), AspectRatios.nearest(width, height));
  }
}
