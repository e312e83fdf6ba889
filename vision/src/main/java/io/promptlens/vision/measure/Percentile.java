package io.promptlens.vision.measure;

import java.util.Arrays;

/** Order statistics on float arrays; the input is copied, never reordered. */
public final class Percentile {

  private Percentile() {}

  /** The {@code p}-quantile (0..1) by the nearest-rank rule; NaN for an empty array. */
  public static double of(float[] values, int length, double p) {
    if (length == 0) {
      return Double.NaN;
    }
    float[] copy = Arrays.copyOf(values, length);
    Arrays.sort(copy);
    int index = (int) Math.min(length - 1, Math.max(0, Math.floor(p * length)));
    return copy[index];
  }
}
