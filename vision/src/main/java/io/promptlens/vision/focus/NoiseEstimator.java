package io.promptlens.vision.focus;

import io.promptlens.vision.measure.LumaPlane;

/**
 * Noise standard deviation of an image, in code values: J. Immerkær, "Fast noise variance
 * estimation", Computer Vision and Image Understanding 64(2), 1996, with the edge exclusion of
 * S.-C. Tai and S.-M. Yang, "A fast method for image noise estimation using Laplacian operator and
 * adaptive edge detection" (ISCCSP 2008).
 *
 * <p>Immerkær's mask N = [1 −2 1; −2 4 −2; 1 −2 1] is the difference of two Laplacians; it cancels
 * any locally linear signal, so over flat and smoothly shaded areas its output is noise alone and σ
 * = √(π/2) · mean|I ∗ N| / 6. Edges also excite it, so, following Tai and Yang, the pixels with the
 * strongest gradients (the top {@link #EDGE_SHARE}) are left out. Pixels touching clipped values (0
 * or 255) are left out too: clipping removes noise. The mask is evaluated on every second pixel of
 * every second row, which leaves the estimate statistically unchanged at a quarter of the cost.
 *
 * <p>The same pass measures how much of the picture is exactly planar: the share of those pixels
 * whose mask response is under half a code value ({@link #PLANAR_RESPONSE}), i.e. whose 3 × 3
 * neighbourhood is a flat fill or a linear gradient to within rounding. Sensor noise, demosaicing
 * and JPEG leave a residual on nearly every pixel of a photograph; flat fills and vector gradients
 * leave none. Not thread-safe (reuses its buffers).
 */
public final class NoiseEstimator {

  /**
   * The estimate.
   *
   * @param sigma noise σ in code values, NaN when it cannot be measured
   * @param planarShare share of the measured (non-clipped, non-edge) pixels whose neighbourhood is
   *     planar to within half a code value, NaN when none were measured
   */
  public record Estimate(double sigma, double planarShare) {}

  /** Half a code value: a mask response below it is rounding, not signal or noise. */
  static final float PLANAR_RESPONSE = 0.5f;

  /** Tai and Yang treat the 10 % of pixels with the largest gradient as edges. */
  static final double EDGE_SHARE = 0.10;

  private static final int BINS = 1024;

  private float[] response = new float[0];
  private int[] gradient = new int[0];
  private final int[] histogram = new int[BINS];
  private boolean[] clippedRow = new boolean[0];

  /** σ and planar share; both NaN when the plane is too small (under 3 × 3) or all clipped. */
  public Estimate measure(LumaPlane plane) {
    Estimate none = new Estimate(Double.NaN, Double.NaN);
    int w = plane.width();
    int h = plane.height();
    if (w < 3 || h < 3) {
      return none;
    }
    int capacity = ((w - 1) / 2 + 1) * ((h - 1) / 2 + 1);
    if (response.length < capacity) {
      response = new float[capacity];
      gradient = new int[capacity];
    }
    java.util.Arrays.fill(histogram, 0);
    float[] f = plane.values();
    if (clippedRow.length < h) {
      clippedRow = new boolean[h];
    }
    for (int y = 0; y < h; y++) {
      clippedRow[y] = hasClipped(f, y * w, w);
    }
    int n = 0;
    for (int y = 1; y < h - 1; y += 2) {
      // Where none of the three rows holds a clipped value, no neighbourhood in them does: the
      // per-pixel minimum and maximum (sixteen comparisons) could only say "keep".
      boolean clean = !clippedRow[y - 1] && !clippedRow[y] && !clippedRow[y + 1];
      for (int x = 1; x < w - 1; x += 2) {
        int c = y * w + x;
        float a = f[c - w - 1];
        float b = f[c - w];
        float d = f[c - w + 1];
        float e = f[c - 1];
        float m = f[c];
        float g = f[c + 1];
        float p = f[c + w - 1];
        float q = f[c + w];
        float r = f[c + w + 1];
        if (!clean) {
          float lo =
              Math.min(
                  Math.min(Math.min(a, b), Math.min(d, e)),
                  Math.min(Math.min(m, g), Math.min(Math.min(p, q), r)));
          float hi =
              Math.max(
                  Math.max(Math.max(a, b), Math.max(d, e)),
                  Math.max(Math.max(m, g), Math.max(Math.max(p, q), r)));
          if (lo <= 0.5f || hi >= 254.5f) {
            continue;
          }
        }
        response[n] = Math.abs(a - 2 * b + d - 2 * e + 4 * m - 2 * g + p - 2 * q + r);
        // Sobel magnitude |Gx| + |Gy|, the edge detector Tai and Yang use.
        float gx = (d + 2 * g + r) - (a + 2 * e + p);
        float gy = (p + 2 * q + r) - (a + 2 * b + d);
        // Math.round of a non-negative float is floor(v + 1/2), which the double sum states
        // exactly (a float plus 1/2 fits in a double) without Math.round's bit handling.
        int magnitude = Math.min(BINS - 1, (int) ((double) (Math.abs(gx) + Math.abs(gy)) + 0.5));
        gradient[n] = magnitude;
        histogram[magnitude]++;
        n++;
      }
    }
    if (n == 0) {
      return none;
    }
    int keep = (int) Math.ceil(n * (1 - EDGE_SHARE));
    int threshold = 0;
    int cumulative = 0;
    while (threshold < BINS - 1 && cumulative + histogram[threshold] < keep) {
      cumulative += histogram[threshold];
      threshold++;
    }
    double sum = 0;
    int used = 0;
    int planar = 0;
    for (int i = 0; i < n; i++) {
      if (gradient[i] <= threshold) {
        sum += response[i];
        used++;
        if (response[i] < PLANAR_RESPONSE) {
          planar++;
        }
      }
    }
    return used == 0
        ? none
        : new Estimate(Math.sqrt(Math.PI / 2) * sum / (6.0 * used), planar / (double) used);
  }

  /** Whether a row holds a value the clipping test below drops (≤ 0.5 or ≥ 254.5). */
  private static boolean hasClipped(float[] f, int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (f[i] <= 0.5f || f[i] >= 254.5f) {
        return true;
      }
    }
    return false;
  }
}
