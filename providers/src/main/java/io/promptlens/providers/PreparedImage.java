package io.promptlens.providers;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The minimum a provider is sent: the picture downscaled so its long side is at most {@value
 * #MAX_LONG_SIDE} px, as a baseline JPEG at quality {@value #JPEG_QUALITY}, with no metadata (only
 * the JFIF header the encoder always writes: no EXIF, GPS, XMP, ICC profile or comment). Providers
 * depend on core only, so they take pixels that intake has already decoded, oriented and converted
 * to sRGB (a {@link BufferedImage}), never the user's file.
 *
 * <p>Downscaling halves the image with bilinear filtering until it is less than twice the target,
 * then takes one bicubic step: the progressive method that avoids the aliasing of a single large
 * bilinear or nearest-neighbour step (Chris Campbell, "The Perils of Image.getScaledInstance()",
 * 2007). Transparent pixels are flattened onto white, as intake does.
 *
 * <p>Immutable and thread-safe.
 */
public final class PreparedImage {

  /** Long-side limit in pixels: enough for the providers' own image tiling, never more. */
  public static final int MAX_LONG_SIDE = 1024;

  /** JPEG quality 0..1: no visible artefacts for description, a third of quality 1.0's size. */
  public static final float JPEG_QUALITY = 0.85f;

  private final byte[] jpeg;
  private final int width;
  private final int height;

  private PreparedImage(byte[] jpeg, int width, int height) {
    this.jpeg = jpeg;
    this.width = width;
    this.height = height;
  }

  /** Downscales (when larger than the limit) and encodes an sRGB image. */
  public static PreparedImage of(BufferedImage image) {
    if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
      throw new IllegalArgumentException("an image with pixels is required");
    }
    BufferedImage rgb = toRgb(image);
    BufferedImage scaled = downscale(rgb, MAX_LONG_SIDE);
    return new PreparedImage(encodeJpeg(scaled), scaled.getWidth(), scaled.getHeight());
  }

  /** The JPEG bytes (a copy). */
  public byte[] jpeg() {
    return jpeg.clone();
  }

  /** The JPEG bytes in standard Base64 without line breaks, as every provider expects. */
  public String base64() {
    return Base64.getEncoder().encodeToString(jpeg);
  }

  public String mediaType() {
    return "image/jpeg";
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  static BufferedImage downscale(BufferedImage image, int maxLongSide) {
    int w = image.getWidth();
    int h = image.getHeight();
    int longSide = Math.max(w, h);
    if (longSide <= maxLongSide) {
      return image;
    }
    double scale = (double) maxLongSide / longSide;
    int targetW = Math.max(1, (int) Math.round(w * scale));
    int targetH = Math.max(1, (int) Math.round(h * scale));
    BufferedImage current = image;
    while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
      current =
          resize(
              current,
              current.getWidth() / 2,
              current.getHeight() / 2,
              RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }
    return resize(current, targetW, targetH, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
  }

  private static BufferedImage resize(BufferedImage source, int w, int h, Object interpolation) {
    BufferedImage target = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  private static BufferedImage toRgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  private static byte[] encodeJpeg(BufferedImage image) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    if (!writers.hasNext()) {
      throw new IllegalStateException("no JPEG encoder in this Java runtime");
    }
    ImageWriter writer = writers.next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      // No stream or image metadata is passed, so only the encoder's JFIF header is written.
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
