package io.promptlens.vision.intake;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import org.jspecify.annotations.Nullable;

/**
 * Brings any decoded raster (palette, gray, 16-bit, alpha, ICC/CMYK colour spaces) to one form:
 * TYPE_INT_RGB in sRGB with alpha flattened onto white.
 *
 * <p>Why white: analysis must describe what a viewer sees, and transparent images (logos, stickers,
 * cut-outs) are overwhelmingly shown on light pages and viewers. Flattening onto black would make
 * every transparent logo "low key" with a large black palette share that is not in the artwork.
 *
 * <p>Gray rasters are read sample by sample rather than through Java2D's colour management, because
 * Java treats its gray colour space as linear light and would brighten gray images that PNG, JPEG
 * and TIFF store gamma-encoded like sRGB.
 */
public final class SrgbConverter {

  private SrgbConverter() {}

  public static BufferedImage toIntRgb(BufferedImage src) {
    ColorModel cm = src.getColorModel();
    ColorSpace cs = cm.getColorSpace();
    if (src.getType() == BufferedImage.TYPE_INT_RGB) {
      return src;
    }
    if (cs.getType() == ColorSpace.TYPE_GRAY
        && cm.getNumColorComponents() == 1
        && !(cm instanceof IndexColorModel)) {
      return fromGray(src);
    }
    if (isPlainSrgbBytes(cm, src.getRaster())) {
      return fromRgbBytes(src);
    }
    if (cm instanceof IndexColorModel || cs.isCS_sRGB()) {
      return fromArgb(src);
    }
    // Embedded ICC profile, CMYK, linear RGB...: colour-manage into sRGB first.
    BufferedImage srgb =
        new BufferedImage(
            src.getWidth(),
            src.getHeight(),
            cm.hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    new ColorConvertOp(null).filter(src, srgb);
    return fromArgb(srgb);
  }

  /**
   * Three 8-bit sRGB bands without alpha, as every colour JPEG decodes: {@link
   * BufferedImage#getRGB} would return exactly these bytes, but through three colour-model calls
   * per pixel, which took half of a 1 MP decode.
   */
  private static boolean isPlainSrgbBytes(ColorModel cm, Raster raster) {
    return cm instanceof ComponentColorModel
        && cm.getColorSpace().isCS_sRGB()
        && !cm.hasAlpha()
        && cm.getNumComponents() == 3
        && cm.getTransferType() == DataBuffer.TYPE_BYTE
        && cm.getComponentSize(0) == 8
        && cm.getComponentSize(1) == 8
        && cm.getComponentSize(2) == 8
        && raster.getNumDataElements() == 3;
  }

  /** The bytes of each row in band order (red, green, blue), whatever their order in memory. */
  private static BufferedImage fromRgbBytes(BufferedImage src) {
    int w = src.getWidth();
    int h = src.getHeight();
    BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] out = ((DataBufferInt) dst.getRaster().getDataBuffer()).getData();
    Raster raster = src.getRaster();
    int minX = raster.getMinX();
    int minY = raster.getMinY();
    byte[] row = new byte[3 * w];
    for (int y = 0; y < h; y++) {
      raster.getDataElements(minX, minY + y, w, 1, row);
      int o = y * w;
      for (int x = 0, i = 0; x < w; x++, i += 3) {
        out[o + x] = (row[i] & 0xFF) << 16 | (row[i + 1] & 0xFF) << 8 | (row[i + 2] & 0xFF);
      }
    }
    return dst;
  }

  private static BufferedImage fromArgb(BufferedImage src) {
    int w = src.getWidth();
    int h = src.getHeight();
    BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] out = ((DataBufferInt) dst.getRaster().getDataBuffer()).getData();
    boolean alpha = src.getColorModel().hasAlpha();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      src.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int argb = row[x];
        out[y * w + x] =
            alpha
                ? flatten(argb >>> 24, (argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF)
                : argb & 0xFFFFFF;
      }
    }
    return dst;
  }

  private static BufferedImage fromGray(BufferedImage src) {
    int w = src.getWidth();
    int h = src.getHeight();
    ColorModel cm = src.getColorModel();
    Raster raster = src.getRaster();
    double grayMax = (1L << cm.getComponentSize(0)) - 1;
    boolean alpha = cm.hasAlpha() && raster.getNumBands() > 1;
    double alphaMax = alpha ? (1L << cm.getComponentSize(1)) - 1 : 1;
    boolean premultiplied = cm.isAlphaPremultiplied();
    BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] out = ((DataBufferInt) dst.getRaster().getDataBuffer()).getData();
    int[] grays = new int[w];
    int[] alphas = new int[w];
    for (int y = 0; y < h; y++) {
      raster.getSamples(0, y, w, 1, 0, grays);
      if (alpha) {
        raster.getSamples(0, y, w, 1, 1, alphas);
      }
      for (int x = 0; x < w; x++) {
        double a = alpha ? alphas[x] / alphaMax : 1;
        double g = grays[x] / grayMax;
        if (premultiplied && a > 0) {
          g = Math.min(1, g / a);
        }
        int v = (int) Math.round(g * 255);
        out[y * w + x] = alpha ? flatten((int) Math.round(a * 255), v, v, v) : v << 16 | v << 8 | v;
      }
    }
    return dst;
  }

  /**
   * The source's opacity, 0 to 255 in every channel of a {@link BufferedImage#TYPE_INT_RGB} raster
   * of the same size (so that it can be oriented like the pixels), or null when the source has no
   * alpha or is opaque everywhere. Flattening onto white loses which pixels were the artwork: a
   * white ring on a transparent ground becomes a white frame. The subject describer reads the
   * cut-out from this instead.
   */
  public static @Nullable BufferedImage opacity(BufferedImage src) {
    if (!src.getColorModel().hasAlpha()) {
      return null;
    }
    int w = src.getWidth();
    int h = src.getHeight();
    BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] out = ((DataBufferInt) dst.getRaster().getDataBuffer()).getData();
    int[] row = new int[w];
    boolean transparent = false;
    for (int y = 0; y < h; y++) {
      src.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int a = row[x] >>> 24;
        out[y * w + x] = a << 16 | a << 8 | a;
        transparent |= a < 255;
      }
    }
    return transparent ? dst : null;
  }

  /** Composites a colour over white (in sRGB-encoded values, as browsers do). */
  private static int flatten(int alpha, int r, int g, int b) {
    int inv = 255 - alpha;
    int fr = (r * alpha + 255 * inv + 127) / 255;
    int fg = (g * alpha + 255 * inv + 127) / 255;
    int fb = (b * alpha + 255 * inv + 127) / 255;
    return fr << 16 | fg << 8 | fb;
  }
}
