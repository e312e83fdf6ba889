package io.promptlens.app.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * How much fine detail a picture has: the variance of the Laplacian of its luma, the usual focus
 * measure. A sharp picture with edges scores in the thousands; a picture blurred past recognition
 * scores near zero.
 */
public final class Sharpness {

  private Sharpness() {}

  public static double of(byte[] encoded) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
      if (image == null) {
        throw new IllegalArgumentException("not an image ImageIO can read");
      }
      return of(image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static double of(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    double[][] luma = new double[height][width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = image.getRGB(x, y);
        luma[y][x] =
            0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
      }
    }
    double sum = 0;
    double squares = 0;
    long count = 0;
    for (int y = 1; y < height - 1; y++) {
      for (int x = 1; x < width - 1; x++) {
        double laplacian =
            luma[y - 1][x] + luma[y + 1][x] + luma[y][x - 1] + luma[y][x + 1] - 4 * luma[y][x];
        sum += laplacian;
        squares += laplacian * laplacian;
        count++;
      }
    }
    if (count == 0) {
      return 0;
    }
    double mean = sum / count;
    return squares / count - mean * mean;
  }
}
