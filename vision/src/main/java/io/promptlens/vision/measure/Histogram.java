package io.promptlens.vision.measure;

/**
 * Quantiles of values in [0, max] from a 65,536-bin histogram: O(n) instead of sorting, exact to
 * max / 65,535 (for luminance, far below one 8-bit code value's step). Allocation: one int array.
 */
public final class Histogram {

  private static final int BINS = 1 << 16;

  private final int[] counts = new int[BINS];
  private final double max;
  private int total;

  public Histogram(float[] values, double max) {
    this.max = max;
    for (float v : values) {
      int bin = (int) (Math.min(max, Math.max(0, v)) / max * (BINS - 1));
      counts[bin]++;
    }
    total = values.length;
  }

  /** The value at quantile {@code p} (nearest rank, lower bin edge). */
  public double quantile(double p) {
    int rank = (int) Math.min(total - 1, Math.max(0, Math.floor(p * total)));
    int seen = 0;
    for (int i = 0; i < BINS; i++) {
      seen += counts[i];
      if (seen > rank) {
        return i * max / (BINS - 1);
      }
    }
    return max;
  }
}
