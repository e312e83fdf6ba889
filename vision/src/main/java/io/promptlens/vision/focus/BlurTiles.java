package io.promptlens.vision.focus;

import io.promptlens.vision.measure.LumaPlane;

/**
 * Per-tile sums for the no-reference blur metric of F. Crété-Roffet, T. Dolmiere, P. Ladret and M.
 * Nicolas, "The blur effect: perception and estimation with a new no-reference perceptual blur
 * metric" (SPIE Electronic Imaging 2007).
 *
 * <p>The metric re-blurs the image with a 9-tap box filter along rows (and along columns) and asks
 * how much of the variation between neighbouring pixels the re-blur removes: a sharp image loses a
 * lot, an already blurred one little. Per direction, with D_F the absolute neighbour difference of
 * the image and D_B that of the re-blurred image, blur = (Σ D_F − Σ max(0, D_F − D_B)) / Σ D_F, in
 * 0 (sharp) .. 1 (blurred). The paper takes the larger of the horizontal and vertical values.
 *
 * <p>Exact sums: a luma value of {@link LumaPlane#of} is 0 or at least 0.114 (one code value of
 * blue) and under 256, so a multiple of 2^-27 needing at most 35 bits; any sum or difference of a
 * few of them needs under 53 bits, so double arithmetic on them is exact and does not depend on the
 * order of the terms. The re-blur's window sums therefore come out the same to the bit however they
 * are added up.
 *
 * <p>One pass over the plane with running sums; the result arrays are owned by this object and
 * valid until the next {@link #measure} call, so one instance is not thread-safe.
 */
final class BlurTiles {

  /** Re-blur length of the paper's filter. */
  static final int TAPS = 9;

  final int tiles;
  final double[] sumFh;
  final double[] sumVh;
  final double[] sumFv;
  final double[] sumVv;
  final int[] count;

  /**
   * Per-tile gradient structure tensor sums Σgx², Σgy², Σgx·gy (J. Bigün and G. H. Granlund,
   * "Optimal orientation detection of linear symmetry", ICCV 1987), from 2 × 2 differences on every
   * second pixel of every second row, so they add little to the blur metric's pass.
   */
  final double[] sxx;

  final double[] syy;
  final double[] sxy;

  BlurTiles(int tiles) {
    this.tiles = tiles;
    int n = tiles * tiles;
    sumFh = new double[n];
    sumVh = new double[n];
    sumFv = new double[n];
    sumVv = new double[n];
    count = new int[n];
    sxx = new double[n];
    syy = new double[n];
    sxy = new double[n];
  }

  void measure(LumaPlane plane) {
    java.util.Arrays.fill(sumFh, 0);
    java.util.Arrays.fill(sumVh, 0);
    java.util.Arrays.fill(sumFv, 0);
    java.util.Arrays.fill(sumVv, 0);
    java.util.Arrays.fill(count, 0);
    java.util.Arrays.fill(sxx, 0);
    java.util.Arrays.fill(syy, 0);
    java.util.Arrays.fill(sxy, 0);
    int w = plane.width();
    int h = plane.height();
    float[] f = plane.values();
    int half = TAPS / 2;
    double[] colSum = new double[w];
    int[] tileOfX = new int[w];
    for (int x = 0; x < w; x++) {
      tileOfX[x] = Math.min(tiles - 1, x * tiles / w);
    }
    // Column running sums start with rows 0..half.
    int rowsIn = 0;
    for (int y = 0; y <= Math.min(half, h - 1); y++) {
      for (int x = 0; x < w; x++) {
        colSum[x] += f[y * w + x];
      }
      rowsIn++;
    }
    double[] bv = new double[w];
    double[] bvPrev = new double[w];
    double[] bh = new double[w];
    for (int y = 0; y < h; y++) {
      if (y > 0) {
        int add = y + half;
        int remove = y - half - 1;
        if (add < h) {
          for (int x = 0; x < w; x++) {
            colSum[x] += f[add * w + x];
          }
          rowsIn++;
        }
        if (remove >= 0) {
          for (int x = 0; x < w; x++) {
            colSum[x] -= f[remove * w + x];
          }
          rowsIn--;
        }
      }
      double[] swap = bvPrev;
      bvPrev = bv;
      bv = swap;
      for (int x = 0; x < w; x++) {
        bv[x] = colSum[x] / rowsIn;
      }
      int row = y * w;
      rowMeans(f, row, w, bh);
      int tileRow = Math.min(tiles - 1, y * tiles / h) * tiles;
      // A row crosses each tile in one run of columns: its sums are added in registers along the
      // run, in the same order as into the arrays, so they are the same to the bit.
      for (int x = 0; x < w; ) {
        int t = tileRow + tileOfX[x];
        int runEnd = x + 1;
        while (runEnd < w && tileOfX[runEnd] == tileOfX[x]) {
          runEnd++;
        }
        double fh = sumFh[t];
        double vh = sumVh[t];
        double fv = sumFv[t];
        double vv = sumVv[t];
        count[t] += runEnd - x;
        for (; x < runEnd; x++) {
          if (x > 0) {
            double gx = f[row + x] - f[row + x - 1];
            double dF = Math.abs(gx);
            double dB = Math.abs(bh[x] - bh[x - 1]);
            fh += dF;
            vh += Math.max(0, dF - dB);
          }
          if (y > 0) {
            double gy = f[row + x] - f[row - w + x];
            double dF = Math.abs(gy);
            double dB = Math.abs(bv[x] - bvPrev[x]);
            fv += dF;
            vv += Math.max(0, dF - dB);
          }
        }
        sumFh[t] = fh;
        sumVh[t] = vh;
        sumFv[t] = fv;
        sumVv[t] = vv;
      }
      if (y > 0 && (y & 1) == 0) {
        // Structure tensor from 2 × 2 differences centred on each sample's upper-left corner, on
        // every second pixel of every second row: a quarter of the cost, the same expected sums,
        // and a separate loop so the blur metric's loop above stays as tight as before.
        for (int x = 2; x < w; x += 2) {
          int t = tileRow + tileOfX[x];
          double cx = 0.5 * (f[row + x] - f[row + x - 1] + f[row - w + x] - f[row - w + x - 1]);
          double cy = 0.5 * (f[row + x] - f[row - w + x] + f[row + x - 1] - f[row - w + x - 1]);
          sxx[t] += cx * cx;
          syy[t] += cy * cy;
          sxy[t] += cx * cy;
        }
      }
    }
  }

  /**
   * The horizontal re-blur of one row: the mean of the up to {@link #TAPS} samples centred on each
   * pixel that lie inside the plane. Each window's sum is exact in double (see the class comment),
   * so the whole windows are summed afresh from one running difference instead of an add and a
   * subtract per pixel: half the adds that wait on the previous pixel's, and the same doubles.
   */
  static void rowMeans(float[] f, int row, int w, double[] means) {
    int half = TAPS / 2;
    int leftEdge = Math.min(half, w);
    for (int x = 0; x < leftEdge; x++) {
      means[x] = windowMean(f, row, x, w);
    }
    if (half < w - half) {
      double sum = windowSum(f, row, half);
      means[half] = sum / TAPS;
      for (int x = half + 1; x < w - half; x++) {
        int i = row + x;
        sum += (double) f[i + half] - f[i - half - 1];
        means[x] = sum / TAPS;
      }
    }
    for (int x = Math.max(leftEdge, w - half); x < w; x++) {
      means[x] = windowMean(f, row, x, w);
    }
  }

  /** The sum of the whole window centred on {@code x}, the running difference's start. */
  private static double windowSum(float[] f, int row, int x) {
    double sum = 0;
    for (int k = x - TAPS / 2; k <= x + TAPS / 2; k++) {
      sum += f[row + k];
    }
    return sum;
  }

  /**
   * The mean of the up to {@link #TAPS} samples of row {@code row} centred on {@code x} that lie
   * inside the plane, for the windows the image's edges cut.
   */
  private static double windowMean(float[] f, int row, int x, int w) {
    int from = Math.max(0, x - TAPS / 2);
    int to = Math.min(w - 1, x + TAPS / 2);
    double sum = 0;
    for (int k = from; k <= to; k++) {
      sum += f[row + k];
    }
    return sum / (to - from + 1);
  }

  /** The paper's blur value of tile {@code t}: the larger of its horizontal and vertical blur. */
  double blur(int t) {
    return Math.max(ratio(sumFh[t], sumVh[t]), ratio(sumFv[t], sumVv[t]));
  }

  /** Mean absolute neighbour difference in tile {@code t}, in code values: how much detail. */
  double detail(int t) {
    return count[t] == 0 ? 0 : (sumFh[t] + sumFv[t]) / (2.0 * count[t]);
  }

  private static double ratio(double sumF, double sumV) {
    return sumF <= 0 ? 1 : (sumF - sumV) / sumF;
  }

  /**
   * The metric of a 64-sample step edge between code values 64 and 192 blurred by a Gaussian of
   * {@code sigma} pixels: the calibration by which the analyzer's sharp and blurred thresholds are
   * expressed as edge widths rather than as raw metric values.
   */
  static double ofBlurredStep(double sigma) {
    int n = 64;
    float[] line = new float[n];
    for (int x = 0; x < n; x++) {
      double z = (x - n / 2 + 0.5) / (sigma * Math.sqrt(2));
      line[x] = (float) (64 + 128 * 0.5 * (1 + erf(z)));
    }
    float[] values = new float[n * 2];
    System.arraycopy(line, 0, values, 0, n);
    System.arraycopy(line, 0, values, n, n);
    BlurTiles one = new BlurTiles(1);
    one.measure(new LumaPlane(values, n, 2));
    return ratio(one.sumFh[0], one.sumVh[0]);
  }

  /** Abramowitz and Stegun 7.1.26 (|error| &lt; 1.5e-7). */
  static double erf(double x) {
    double t = 1 / (1 + 0.3275911 * Math.abs(x));
    double y =
        1
            - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                    + 0.254829592)
                * t
                * Math.exp(-x * x);
    return x >= 0 ? y : -y;
  }
}
