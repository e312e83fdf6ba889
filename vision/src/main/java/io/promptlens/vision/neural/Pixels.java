package io.promptlens.vision.neural;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

/** Resizing, cropping and tensor packing of TYPE_INT_RGB rasters for the models. */
final class Pixels {

  private Pixels() {}

  /** Bilinear resize to exactly {@code w × h}. */
  static BufferedImage resize(BufferedImage src, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(src, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /**
   * The packed 0xRRGGBB pixels of a whole image, row by row, for reading only; the bits above the
   * 24 colour bits are unspecified (callers mask each channel). A TYPE_INT_RGB image this class
   * made hands its own array: {@link BufferedImage#getRGB} would copy it through the colour model
   * one pixel at a time (a 512 × 512 model input is a quarter of a million calls).
   */
  static int[] rgb(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    if (img.getType() == BufferedImage.TYPE_INT_RGB
        && img.getRaster().getDataBuffer() instanceof DataBufferInt data
        && data.getNumBanks() == 1
        && data.getOffset() == 0
        && img.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model
        && model.getScanlineStride() == w
        && img.getRaster().getSampleModelTranslateX() == 0
        && img.getRaster().getSampleModelTranslateY() == 0
        && data.getData().length == w * h) {
      return data.getData();
    }
    return img.getRGB(0, 0, w, h, null, 0, w);
  }

  /** Copies the rectangle [x0, x1) × [y0, y1), clamped to the image, out of {@code src}. */
  static BufferedImage crop(BufferedImage src, int x0, int y0, int x1, int y1) {
    int ax = Math.min(Math.max(0, x0), src.getWidth() - 1);
    int ay = Math.min(Math.max(0, y0), src.getHeight() - 1);
    int w = Math.max(1, Math.min(src.getWidth(), x1) - ax);
    int h = Math.max(1, Math.min(src.getHeight(), y1) - ay);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    out.setRGB(0, 0, w, h, src.getRGB(ax, ay, w, h, null, 0, w), 0, w);
    return out;
  }

  /**
   * The rectangle centred on ({@code cx}, {@code cy}), {@code length} along the direction {@code
   * angle} (radians, clockwise from the x axis, as y points down) and {@code thickness} across it,
   * resampled bicubically into an upright image (as PaddleOCR's {@code get_rotate_crop_image} does
   * with OpenCV's {@code warpPerspective}); outside the source the edge pixels repeat.
   */
  static BufferedImage cropRotated(
      BufferedImage src, double cx, double cy, double angle, double length, double thickness) {
    return cropRotated(src, cx, cy, angle, length, thickness, 1.0);
  }

  /**
   * As above, the output {@code scale} times the rectangle's size (source pixels 1 / scale apart).
   */
  static BufferedImage cropRotated(
      BufferedImage src,
      double cx,
      double cy,
      double angle,
      double length,
      double thickness,
      double scale) {
    int w = (int) Math.max(1, Math.round(length * scale));
    int h = (int) Math.max(1, Math.round(thickness * scale));
    int sw = src.getWidth();
    int sh = src.getHeight();
    double ux = Math.cos(angle);
    double uy = Math.sin(angle);
    // Only the source pixels under the rectangle are read.
    double hx = Math.abs(ux) * length / 2 + Math.abs(uy) * thickness / 2 + 3;
    double hy = Math.abs(uy) * length / 2 + Math.abs(ux) * thickness / 2 + 3;
    int ox = (int) Math.max(0, Math.floor(cx - hx));
    int oy = (int) Math.max(0, Math.floor(cy - hy));
    int rw = (int) Math.max(1, Math.min(sw, Math.ceil(cx + hx)) - ox);
    int rh = (int) Math.max(1, Math.min(sh, Math.ceil(cy + hy)) - oy);
    if (ox >= sw || oy >= sh) {
      ox = Math.min(ox, sw - 1);
      oy = Math.min(oy, sh - 1);
      rw = 1;
      rh = 1;
    }
    int[] region = src.getRGB(ox, oy, rw, rh, null, 0, rw);
    int[] out = new int[w * h];
    for (int j = 0; j < h; j++) {
      for (int i = 0; i < w; i++) {
        double a = (i + 0.5 - w / 2.0) / scale;
        double b = (j + 0.5 - h / 2.0) / scale;
        double x = cx + a * ux - b * uy - 0.5 - ox;
        double y = cy + a * uy + b * ux - 0.5 - oy;
        out[j * w + i] = bicubic(region, rw, rh, x, y);
      }
    }
    BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    result.setRGB(0, 0, w, h, out, 0, w);
    return result;
  }

  /** OpenCV's bicubic kernel (a = -0.75), which PaddleOCR's crop uses. */
  private static double cubic(double t) {
    double a = -0.75;
    t = Math.abs(t);
    if (t <= 1) {
      return ((a + 2) * t - (a + 3)) * t * t + 1;
    }
    if (t < 2) {
      return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
    }
    return 0;
  }

  private static int bicubic(int[] rgb, int sw, int sh, double x, double y) {
    int ix = (int) Math.floor(x);
    int iy = (int) Math.floor(y);
    double fx = x - ix;
    double fy = y - iy;
    double[] wx = new double[4];
    double[] wy = new double[4];
    for (int k = 0; k < 4; k++) {
      wx[k] = cubic(fx - (k - 1));
      wy[k] = cubic(fy - (k - 1));
    }
    int result = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      double sum = 0;
      for (int j = 0; j < 4; j++) {
        int yy = Math.max(0, Math.min(sh - 1, iy + j - 1));
        double row = 0;
        for (int i = 0; i < 4; i++) {
          int xx = Math.max(0, Math.min(sw - 1, ix + i - 1));
          row += wx[i] * ((rgb[yy * sw + xx] >> shift) & 0xff);
        }
        sum += wy[j] * row;
      }
      result |= (int) Math.max(0, Math.min(255, Math.round(sum))) << shift;
    }
    return result;
  }

  /** Rotates by {@code quarterTurns × 90°} clockwise. */
  static BufferedImage rotate(BufferedImage src, int quarterTurns) {
    int q = ((quarterTurns % 4) + 4) % 4;
    if (q == 0) {
      return src;
    }
    int w = src.getWidth();
    int h = src.getHeight();
    BufferedImage out =
        q == 2
            ? new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB)
            : new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = src.getRGB(x, y);
        switch (q) {
          case 1 -> out.setRGB(h - 1 - y, x, rgb);
          case 2 -> out.setRGB(w - 1 - x, h - 1 - y, rgb);
          default -> out.setRGB(y, w - 1 - x, rgb);
        }
      }
    }
    return out;
  }

  /**
   * Writes {@code img} as planar BGR into {@code dst} at {@code offset} (layout [3][H][width]),
   * each channel as {@code (v / 255 - mean[c]) / std[c]}; columns past the image keep their value.
   */
  static void planarBgr(
      BufferedImage img, float[] dst, int offset, int width, float[] mean, float[] std) {
    int w = img.getWidth();
    int h = img.getHeight();
    int plane = h * width;
    int[] rgb = rgb(img);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = rgb[y * w + x];
        float r = ((p >> 16) & 0xff) / 255f;
        float g = ((p >> 8) & 0xff) / 255f;
        float b = (p & 0xff) / 255f;
        int i = offset + y * width + x;
        dst[i] = (b - mean[0]) / std[0];
        dst[i + plane] = (g - mean[1]) / std[1];
        dst[i + 2 * plane] = (r - mean[2]) / std[2];
      }
    }
  }
}
