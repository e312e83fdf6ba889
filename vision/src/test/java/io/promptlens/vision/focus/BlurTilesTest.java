package io.promptlens.vision.focus;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.vision.measure.LumaPlane;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlurTilesTest {

  /** The running sum, an add and a subtract per pixel, that rowMeans replaced. */
  private static double[] runningMeans(float[] f, int row, int w) {
    int half = BlurTiles.TAPS / 2;
    double[] means = new double[w];
    double sum = 0;
    int in = 0;
    for (int x = 0; x <= Math.min(half, w - 1); x++) {
      sum += f[row + x];
      in++;
    }
    for (int x = 0; x < w; x++) {
      if (x > 0) {
        if (x + half < w) {
          sum += f[row + x + half];
          in++;
        }
        if (x - half - 1 >= 0) {
          sum -= f[row + x - half - 1];
          in--;
        }
      }
      means[x] = sum / in;
    }
    return means;
  }

  @Test
  void rowMeansAreTheRunningSumsDoublesForEveryLumaPlane() {
    Random random = new Random(17);
    for (int width : new int[] {1, 2, 4, 5, 8, 9, 10, 17, 640}) {
      BufferedImage image = new BufferedImage(width, 8, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x < width; x++) {
          // Extremes and near-black values, where a luma value's low bits are finest.
          int rgb =
              switch (random.nextInt(4)) {
                case 0 -> random.nextInt(1 << 24);
                case 1 -> random.nextInt(4) << 16 | random.nextInt(4) << 8 | random.nextInt(4);
                case 2 -> random.nextBoolean() ? 0xFFFFFF : 0;
                default -> random.nextInt(256) * 0x010101;
              };
          image.setRGB(x, y, rgb);
        }
      }
      LumaPlane plane = LumaPlane.of(image);
      for (int y = 0; y < plane.height(); y++) {
        double[] means = new double[width];
        BlurTiles.rowMeans(plane.values(), y * width, width, means);
        assertThat(means).containsExactly(runningMeans(plane.values(), y * width, width));
      }
    }
  }

  @Test
  void calibrationStepsKeepTheirValues() {
    // The edge-width calibration runs through rowMeans too: its floats (64..192) sum exactly.
    for (double sigma : new double[] {0.5, 1, 2, 3, 5}) {
      int n = 64;
      float[] line = new float[n];
      for (int x = 0; x < n; x++) {
        double z = (x - n / 2 + 0.5) / (sigma * Math.sqrt(2));
        line[x] = (float) (64 + 128 * 0.5 * (1 + BlurTiles.erf(z)));
      }
      double[] means = new double[n];
      BlurTiles.rowMeans(line, 0, n, means);
      assertThat(means).containsExactly(runningMeans(line, 0, n));
    }
  }
}
