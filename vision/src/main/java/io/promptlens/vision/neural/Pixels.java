package io.promptlens.vision.neural;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

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
    int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
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
