package io.promptlens.app.analyses;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Small JPEG thumbnails for workspaces that opt in: the decoded pixels (never the uploaded bytes)
 * scaled so the long side is at most {@link #LONG_SIDE} px and re-encoded, so no EXIF, GPS or other
 * metadata of the upload survives. An image the safety check marks in a workspace that blurs gets a
 * {@linkplain #blurredJpeg blurred} one instead. Stateless and thread-safe.
 */
public final class Thumbnails {

  public static final int LONG_SIDE = 256;

  /** The long side a blurred thumbnail is shrunk to before it is scaled back up. */
  static final int BLUR_LONG_SIDE = 8;

  static final float QUALITY = 0.8f;

  private static final Object BILINEAR = RenderingHints.VALUE_INTERPOLATION_BILINEAR;

  private Thumbnails() {}

  static byte[] jpeg(BufferedImage pixels) {
    return encode(scale(pixels));
  }

  /**
   * The same thumbnail (same size, same metadata-free JPEG) blurred past recognition, for an image
   * the safety check marks in a workspace that blurs. The thumbnail is shrunk by box-filter
   * halvings to {@link #BLUR_LONG_SIDE} px on its long side, so each remaining pixel is the average
   * of a block an eighth of the picture wide, then scaled back up bicubically to the thumbnail's
   * size: only a soft gradient of the image's main colours is left, no shape, face or text. Unlike
   * a Gaussian of a fixed radius, the strength is relative to the image (as strong for a 256 px
   * thumbnail as for a small one), and it costs almost nothing.
   */
  static byte[] blurredJpeg(BufferedImage pixels) {
    BufferedImage sharp = scale(pixels);
    int width = sharp.getWidth();
    int height = sharp.getHeight();
    BufferedImage tiny = sharp;
    while (Math.max(tiny.getWidth(), tiny.getHeight()) > 2 * BLUR_LONG_SIDE) {
      tiny = resize(tiny, tiny.getWidth() / 2, tiny.getHeight() / 2, BILINEAR);
    }
    double factor = Math.min(1.0, (double) BLUR_LONG_SIDE / Math.max(width, height));
    tiny =
        resize(
            tiny,
            Math.max(1, (int) Math.round(width * factor)),
            Math.max(1, (int) Math.round(height * factor)),
            BILINEAR);
    return encode(resize(tiny, width, height, RenderingHints.VALUE_INTERPOLATION_BICUBIC));
  }

  private static byte[] encode(BufferedImage scaled) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(QUALITY);
      writer.write(null, new IIOImage(scaled, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode a thumbnail", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** Halves while more than twice too big (keeps detail), then one bilinear step to the size. */
  private static BufferedImage scale(BufferedImage image) {
    BufferedImage current = image;
    while (Math.max(current.getWidth(), current.getHeight()) > 2 * LONG_SIDE) {
      current = resize(current, current.getWidth() / 2, current.getHeight() / 2, BILINEAR);
    }
    int longSide = Math.max(current.getWidth(), current.getHeight());
    double factor = Math.min(1.0, (double) LONG_SIDE / longSide);
    int width = Math.max(1, (int) Math.round(current.getWidth() * factor));
    int height = Math.max(1, (int) Math.round(current.getHeight() * factor));
    return current.getType() == BufferedImage.TYPE_INT_RGB
            && width == current.getWidth()
            && height == current.getHeight()
        ? current
        : resize(current, width, height, BILINEAR);
  }

  private static BufferedImage resize(
      BufferedImage image, int width, int height, Object interpolation) {
    BufferedImage out =
        new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
      g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
