package io.promptlens.app.batches;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Small photo-like JPEGs made in the test: a graded sky over graded ground, a sun or moon, a few
 * soft shapes and sensor-like noise, different for each seed. Real enough for the whole pipeline
 * (colour, light, focus, composition) to have work to do, small enough for 200 in a few MB.
 */
final class Photos {

  private Photos() {}

  static byte[] jpeg(long seed, int width, int height) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    int horizon = height / 3 + random.nextInt(height / 3);
    Color skyTop =
        new Color(random.nextInt(80), 80 + random.nextInt(100), 150 + random.nextInt(100));
    Color skyLow = skyTop.brighter().brighter();
    g.setPaint(new GradientPaint(0, 0, skyTop, 0, horizon, skyLow));
    g.fillRect(0, 0, width, horizon);
    Color ground =
        new Color(40 + random.nextInt(120), 60 + random.nextInt(120), 20 + random.nextInt(60));
    g.setPaint(new GradientPaint(0, horizon, ground.brighter(), 0, height, ground.darker()));
    g.fillRect(0, horizon, width, height - horizon);
    g.setColor(new Color(255, 230 - random.nextInt(60), 150));
    int sun = 12 + random.nextInt(24);
    g.fillOval(random.nextInt(width - sun), random.nextInt(Math.max(1, horizon - sun)), sun, sun);
    for (int i = 0; i < 3 + random.nextInt(5); i++) {
      g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 180));
      int w = 10 + random.nextInt(width / 3);
      int h = 10 + random.nextInt(height / 3);
      g.fillRoundRect(
          random.nextInt(width - w),
          horizon - h / 2 + random.nextInt(height - horizon),
          w,
          h,
          12,
          12);
    }
    g.dispose();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = image.getRGB(x, y);
        int n = (int) Math.round(random.nextGaussian() * 4);
        image.setRGB(
            x,
            y,
            clamp((rgb >> 16 & 255) + n) << 16
                | clamp((rgb >> 8 & 255) + n) << 8
                | clamp((rgb & 255) + n));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpeg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code count} photos in folders of 50, as a user's export would be. */
  static Map<String, byte[]> folder(int count, int width, int height) {
    Map<String, byte[]> photos = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      photos.put(String.format("trip/day-%d/IMG_%04d.jpg", i / 50 + 1, i), jpeg(i, width, height));
    }
    return photos;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
