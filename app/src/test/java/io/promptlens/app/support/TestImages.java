package io.promptlens.app.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/** Images made in the test, so every expected size and ratio is known exactly. */
public final class TestImages {

  private TestImages() {}

  /** A PNG with four flat colour blocks: small, and with an obvious palette. */
  public static byte[] png(int width, int height) {
    return encode(blocks(width, height), "png");
  }

  public static byte[] jpeg(int width, int height) {
    return encode(blocks(width, height), "jpeg");
  }

  /** A JPEG cut in half: the header promises pixels the data no longer has. */
  public static byte[] truncatedJpeg(int width, int height) {
    byte[] whole = jpeg(width, height);
    return Arrays.copyOf(whole, whole.length / 2);
  }

  /** A PNG of seeded random noise, which does not compress: about 3 bytes per pixel. */
  public static byte[] noisePng(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    return encode(image, "png");
  }

  /**
   * A PNG checkerboard of black and white squares {@code square} px wide: all edges, so its
   * thumbnail is as sharp as a thumbnail gets, and any blur shows.
   */
  public static byte[] checkerboardPng(int width, int height, int square) {
    return encode(checkerboard(width, height, square), "png");
  }

  public static BufferedImage checkerboard(int width, int height, int square) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, ((x / square + y / square) % 2 == 0) ? 0xFFFFFF : 0x000000);
      }
    }
    return image;
  }

  public static byte[] text() {
    return "This is a text file, not a picture.\n".getBytes(StandardCharsets.UTF_8);
  }

  private static BufferedImage blocks(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(new Color(0xD9, 0x3A, 0x2B));
      g.fillRect(0, 0, width / 2, height / 2);
      g.setColor(new Color(0x1F, 0x4E, 0xA8));
      g.fillRect(width / 2, 0, width - width / 2, height / 2);
      g.setColor(new Color(0xF2, 0xC1, 0x2E));
      g.fillRect(0, height / 2, width / 2, height - height / 2);
      g.setColor(new Color(0x2E, 0x8B, 0x57));
      g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
