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
 * metadata of the upload survives. Stateless and thread-safe.
 */
public final class Thumbnails {

  public static final int LONG_SIDE = 256;
  static final float QUALITY = 0.8f;

  private Thumbnails() {}

  static byte[] jpeg(BufferedImage pixels) {
    BufferedImage scaled = scale(pixels);
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
      current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    int longSide = Math.max(current.getWidth(), current.getHeight());
    double factor = Math.min(1.0, (double) LONG_SIDE / longSide);
    int width = Math.max(1, (int) Math.round(current.getWidth() * factor));
    int height = Math.max(1, (int) Math.round(current.getHeight() * factor));
    return current.getType() == BufferedImage.TYPE_INT_RGB
            && width == current.getWidth()
            && height == current.getHeight()
        ? current
        : resize(current, width, height);
  }

  private static BufferedImage resize(BufferedImage image, int width, int height) {
    BufferedImage out =
        new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
