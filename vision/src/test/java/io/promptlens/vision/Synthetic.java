package io.promptlens.vision;

import io.promptlens.vision.measure.AnalysisFrame;
import io.promptlens.vision.measure.Oklab;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Synthetic images with known content for the measured analyzers: textures, blur, noise. */
public final class Synthetic {

  private Synthetic() {}

  /** Random gray blocks of {@code block} px, values 40..215, seeded. */
  public static float[] blocks(int w, int h, int block, long seed) {
    Random random = new Random(seed);
    int bw = (w + block - 1) / block;
    int bh = (h + block - 1) / block;
    float[] cells = new float[bw * bh];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = 40 + random.nextInt(176);
    }
    float[] v = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        v[y * w + x] = cells[(y / block) * bw + x / block];
      }
    }
    return v;
  }

  /** Separable Gaussian blur of σ px with edge replication. */
  public static float[] gaussian(float[] v, int w, int h, double sigma) {
    int r = (int) Math.ceil(3 * sigma);
    double[] k = new double[2 * r + 1];
    double sum = 0;
    for (int i = -r; i <= r; i++) {
      k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
      sum += k[i + r];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    float[] tmp = new float[v.length];
    float[] out = new float[v.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double s = 0;
        for (int i = -r; i <= r; i++) {
          s += k[i + r] * v[y * w + Math.min(w - 1, Math.max(0, x + i))];
        }
        tmp[y * w + x] = (float) s;
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double s = 0;
        for (int i = -r; i <= r; i++) {
          s += k[i + r] * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x];
        }
        out[y * w + x] = (float) s;
      }
    }
    return out;
  }

  /** Box blur of {@code length} px along direction (dx, dy), edge replication. */
  public static float[] motion(float[] v, int w, int h, int length, int dx, int dy) {
    float[] out = new float[v.length];
    int half = length / 2;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double s = 0;
        for (int i = -half; i <= half; i++) {
          int xx = Math.min(w - 1, Math.max(0, x + i * dx));
          int yy = Math.min(h - 1, Math.max(0, y + i * dy));
          s += v[yy * w + xx];
        }
        out[y * w + x] = (float) (s / (2 * half + 1));
      }
    }
    return out;
  }

  /**
   * Box blur of {@code length} px along a path at {@code degrees} (counter-clockwise from the
   * horizontal, y up): the mean of {@code 4 × length + 1} bilinear samples evenly spaced on the
   * path, edge replication.
   */
  public static float[] motionAt(float[] v, int w, int h, double length, double degrees) {
    double ux = Math.cos(Math.toRadians(degrees));
    double uy = -Math.sin(Math.toRadians(degrees));
    int samples = (int) Math.round(4 * length) + 1;
    float[] out = new float[v.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double s = 0;
        for (int i = 0; i < samples; i++) {
          double t = length * (i / (double) (samples - 1) - 0.5);
          s += bilinear(v, w, h, x + t * ux, y + t * uy);
        }
        out[y * w + x] = (float) (s / samples);
      }
    }
    return out;
  }

  private static double bilinear(float[] v, int w, int h, double x, double y) {
    x = Math.min(w - 1, Math.max(0, x));
    y = Math.min(h - 1, Math.max(0, y));
    int x0 = Math.min(w - 2, (int) x);
    int y0 = Math.min(h - 2, (int) y);
    double fx = x - x0;
    double fy = y - y0;
    int k = y0 * w + x0;
    return (1 - fy) * ((1 - fx) * v[k] + fx * v[k + 1])
        + fy * ((1 - fx) * v[k + w] + fx * v[k + w + 1]);
  }

  /** Adds Gaussian noise of σ code values (seeded). */
  public static float[] noise(float[] v, double sigma, long seed) {
    Random random = new Random(seed);
    float[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += (float) (random.nextGaussian() * sigma);
    }
    return out;
  }

  /** A gray TYPE_INT_RGB image from code values (rounded, clipped). */
  public static BufferedImage gray(float[] v, int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int c = Math.max(0, Math.min(255, Math.round(v[y * w + x])));
        image.setRGB(x, y, c * 0x010101);
      }
    }
    return image;
  }

  /** Packed sRGB of an OKLab colour given as lightness, chroma and hue (degrees). */
  public static int lch(double l, double c, double hue) {
    double h = Math.toRadians(hue);
    return Oklab.toRgb(new Oklab.Lab(l, c * Math.cos(h), c * Math.sin(h)));
  }

  public static AnalysisFrame frame(BufferedImage image) {
    return AnalysisFrame.of(image);
  }
}
