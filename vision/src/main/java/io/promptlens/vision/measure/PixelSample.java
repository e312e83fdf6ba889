package io.promptlens.vision.measure;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A regular-grid sample of an analysis raster, converted once to the quantities every analyzer
 * uses. The arrays are owned by this sample and must not be modified by the analyzers that read it.
 *
 * @param rgb packed 0xRRGGBB sRGB colours
 * @param lightness OKLab L (0..1)
 * @param a OKLab a
 * @param b OKLab b
 * @param luminance relative luminance Y (linear light, 0..1, Rec. 709 / sRGB primaries)
 */
public record PixelSample(int[] rgb, float[] lightness, float[] a, float[] b, float[] luminance) {

  /**
   * At most this many pixels are converted (2^18): global statistics and a palette are stable to
   * well under 1 % at this count, and the cost stays a few milliseconds whatever the raster size.
   */
  public static final int MAX_SAMPLES = 1 << 18;

  public int size() {
    return rgb.length;
  }

  /** Samples a {@link BufferedImage#TYPE_INT_RGB} raster on a regular grid (deterministic). */
  public static PixelSample of(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("expected a TYPE_INT_RGB raster");
    }
    int width = image.getWidth();
    int height = image.getHeight();
    int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    int step = (int) Math.ceil(Math.sqrt((double) width * height / MAX_SAMPLES));
    step = Math.max(1, step);
    int offset = step / 2;
    int columns = (width - offset + step - 1) / step;
    int rows = (height - offset + step - 1) / step;
    int n = columns * rows;
    PixelSample sample =
        new PixelSample(new int[n], new float[n], new float[n], new float[n], new float[n]);
    // A photograph repeats its colours (a 1 MP garden photo: about 130,000 distinct in a million
    // pixels), and each conversion takes three cube roots: a colour met again is copied from the
    // last sample that had it, the same floats to the bit.
    int[] seen = new int[CACHE_SLOTS];
    java.util.Arrays.fill(seen, -1);
    int[] seenAt = new int[CACHE_SLOTS];
    int i = 0;
    for (int y = offset; y < height; y += step) {
      for (int x = offset; x < width; x += step) {
        int color = data[y * width + x] & 0xFFFFFF;
        int slot = (color * 0x9E3779B1) >>> (32 - CACHE_BITS);
        if (seen[slot] == color) {
          sample.copy(seenAt[slot], i);
        } else {
          sample.put(i, color);
          seen[slot] = color;
          seenAt[slot] = i;
        }
        i++;
      }
    }
    return sample;
  }

  private static final int CACHE_BITS = 15;
  private static final int CACHE_SLOTS = 1 << CACHE_BITS;

  private void copy(int from, int to) {
    rgb[to] = rgb[from];
    lightness[to] = lightness[from];
    a[to] = a[from];
    b[to] = b[from];
    luminance[to] = luminance[from];
  }

  private void put(int i, int color) {
    double r = Oklab.linear(color >> 16);
    double g = Oklab.linear(color >> 8);
    double bl = Oklab.linear(color);
    Oklab.Lab lab = Oklab.fromLinear(r, g, bl);
    rgb[i] = color;
    lightness[i] = (float) lab.l();
    a[i] = (float) lab.a();
    b[i] = (float) lab.b();
    luminance[i] = (float) (0.2126 * r + 0.7152 * g + 0.0722 * bl);
  }
}
