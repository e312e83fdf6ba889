package io.promptlens.vision.measure;

/**
 * Confidence of a label chosen by comparing a measurement with decision boundaries: 0.5 on a
 * boundary (a coin toss between the two labels) rising linearly to 1 once the value is a full
 * {@code scale} away from the nearest boundary. This is deliberately simple: it says how robust the
 * label is to a small change of the measurement, not a calibrated probability.
 */
public final class Confidence {

  private Confidence() {}

  public static double fromMargin(double value, double scale, double... boundaries) {
    if (scale <= 0) {
      throw new IllegalArgumentException("scale must be positive");
    }
    double nearest = Double.MAX_VALUE;
    for (double boundary : boundaries) {
      nearest = Math.min(nearest, Math.abs(value - boundary));
    }
    return round(0.5 + 0.5 * Math.min(1, nearest / scale));
  }

  /** Rounds to three decimals so JSON stays readable and stable across platforms. */
  public static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
