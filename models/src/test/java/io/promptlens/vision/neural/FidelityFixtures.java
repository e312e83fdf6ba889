package io.promptlens.vision.neural;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;

/**
 * The fidelity tests' fixtures (the {@code fidelity/} resources beside this class: reference JSON
 * written by the Node runners and the PNGs they read), and the pixels as those runners read them.
 */
final class FidelityFixtures {

  private FidelityFixtures() {}

  static InputStream resource(String name) {
    return FidelityFixtures.class.getResourceAsStream("fidelity/" + name);
  }

  /** The top-left {@code side} × {@code side} pixels of a fixture PNG, packed RGB, row by row. */
  static int[] rgb(String name, int side) throws IOException {
    BufferedImage png;
    try (InputStream in = resource(name)) {
      png = ImageIO.read(in);
    }
    return png.getRGB(0, 0, side, side, null, 0, side);
  }

  /**
   * A fixture PNG as an NHWC RGB input, each channel value 0..255 divided by {@code divisor} (1 for
   * models that take raw values, 255 for those that take 0..1), exactly as the Node runners build
   * it.
   */
  static float[] rgbInput(String name, int side, float divisor) throws IOException {
    int[] rgb = rgb(name, side);
    float[] x = new float[side * side * 3];
    for (int i = 0; i < rgb.length; i++) {
      x[3 * i] = ((rgb[i] >> 16) & 0xff) / divisor;
      x[3 * i + 1] = ((rgb[i] >> 8) & 0xff) / divisor;
      x[3 * i + 2] = (rgb[i] & 0xff) / divisor;
    }
    return x;
  }
}
