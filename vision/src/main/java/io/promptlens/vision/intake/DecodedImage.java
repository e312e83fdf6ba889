package io.promptlens.vision.intake;

import io.promptlens.core.analysis.ImageFormat;
import java.awt.image.BufferedImage;
import org.jspecify.annotations.Nullable;

/**
 * What intake hands to the analyzers: pixels, size, container format and one fact read from the
 * EXIF block, whether a camera recorded an exposure. EXIF values, GPS, XMP and comments are
 * deliberately not carried, so no later stage can leak them.
 *
 * @param pixels the analysis raster: {@link BufferedImage#TYPE_INT_RGB}, sRGB, alpha flattened,
 *     oriented as a viewer sees it, subsampled so its long side is at most the intake limit's
 *     {@code analysisLongSide}
 * @param width full width of the image after orientation
 * @param height full height of the image after orientation
 * @param format container format detected from the bytes
 * @param detail the same image at a higher resolution for readers of fine print (OCR of a page),
 *     decoded only when asked for
 * @param cameraExposure whether the file's EXIF names a device and records an exposure time or
 *     f-number ({@link ExifOrientation#camera}): a camera took it
 * @param decoder what decoded the pixels
 * @param opacity the pixels' opacity before they were flattened onto white ({@link
 *     SrgbConverter#opacity}), the same size as {@code pixels}; null when the file has no
 *     transparency
 */
public record DecodedImage(
    BufferedImage pixels,
    int width,
    int height,
    ImageFormat format,
    Detail detail,
    boolean cameraExposure,
    String decoder,
    @Nullable BufferedImage opacity) {

  /** A higher-resolution decode of the same image, made on demand. */
  @FunctionalInterface
  public interface Detail {
    /** The image with its long side at most {@code longSide}, or null when it cannot be made. */
    @Nullable BufferedImage at(int longSide);
  }

  /** An image with no higher-resolution source: its detail is its analysis raster. */
  public DecodedImage(BufferedImage pixels, int width, int height, ImageFormat format) {
    this(pixels, width, height, format, longSide -> pixels);
  }

  /** An image whose file records no camera exposure. */
  public DecodedImage(
      BufferedImage pixels, int width, int height, ImageFormat format, Detail detail) {
    this(pixels, width, height, format, detail, false, ImageIntake.IMAGEIO, null);
  }

  public DecodedImage {
    if (pixels.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("pixels must be TYPE_INT_RGB");
    }
    if (opacity != null
        && (opacity.getWidth() != pixels.getWidth()
            || opacity.getHeight() != pixels.getHeight()
            || opacity.getType() != BufferedImage.TYPE_INT_RGB)) {
      throw new IllegalArgumentException("opacity must be a TYPE_INT_RGB raster the pixels' size");
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("size must be positive");
    }
  }
}
