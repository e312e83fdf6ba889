package io.promptlens.providers;

import java.awt.image.BufferedImage;

/** Synthetic images with known content, so tests need no files. */
final class TestImages {

  private TestImages() {}

  /** A horizontal gradient from orange to white, {@code width} x {@code height}. */
  static BufferedImage gradient(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double t = (double) x / Math.max(1, width - 1);
        int r = 230 + (int) Math.round(25 * t);
        int g = 110 + (int) Math.round(145 * t);
        int b = 20 + (int) Math.round(235 * t);
        image.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return image;
  }
}
