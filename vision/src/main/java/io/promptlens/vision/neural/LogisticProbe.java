package io.promptlens.vision.neural;

import java.util.Arrays;

/**
 * A linear probe: logistic regression over a network's features, {@code P = σ(w·x + b)}, with the
 * feature standardisation folded into {@code w} and {@code b}. Fitted by {@link #fit} on labelled
 * images (full-batch gradient descent with an L2 penalty on standardised features, deterministic:
 * the same rows give the same weights).
 *
 * @param weights one weight per feature
 * @param bias the intercept
 */
public record LogisticProbe(double[] weights, double bias) {

  public LogisticProbe {
    weights = weights.clone();
  }

  /** The probability of the positive class for one feature vector. */
  public double probability(float[] features) {
    if (features.length != weights.length) {
      throw new IllegalArgumentException(
          "probe expects " + weights.length + " features, got " + features.length);
    }
    double z = bias;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * features[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Fits a probe.
   *
   * @param rows feature vectors, all the same length
   * @param positive whether each row is of the class
   * @param penalty L2 weight on the standardised weights (larger: smoother, less sure)
   * @param iterations gradient steps
   */
  public static LogisticProbe fit(
      float[][] rows, boolean[] positive, double penalty, int iterations) {
    int n = rows.length;
    if (n == 0 || n != positive.length) {
      throw new IllegalArgumentException("need as many labels as rows, and at least one row");
    }
    int d = rows[0].length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (float[] row : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / (double) n;
      }
    }
    for (float[] row : rows) {
      for (int j = 0; j < d; j++) {
        scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < d; j++) {
      // A floor keeps features that never vary (dead ReLU units) from dividing by zero.
      scale[j] = Math.sqrt(scale[j]) + 1e-3;
    }
    double[][] z = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        z[i][j] = (rows[i][j] - mean[j]) / scale[j];
      }
    }
    double[] w = new double[d];
    double b = 0;
    double step = 0.5;
    double[] gradient = new double[d];
    for (int it = 0; it < iterations; it++) {
      Arrays.fill(gradient, 0);
      double gb = 0;
      for (int i = 0; i < n; i++) {
        double s = b;
        for (int j = 0; j < d; j++) {
          s += w[j] * z[i][j];
        }
        double err = 1 / (1 + Math.exp(-s)) - (positive[i] ? 1 : 0);
        for (int j = 0; j < d; j++) {
          gradient[j] += err * z[i][j] / n;
        }
        gb += err / n;
      }
      for (int j = 0; j < d; j++) {
        w[j] -= step * (gradient[j] + penalty * w[j]);
      }
      b -= step * gb;
    }
    double[] folded = new double[d];
    double bias = b;
    for (int j = 0; j < d; j++) {
      folded[j] = w[j] / scale[j];
      bias -= w[j] * mean[j] / scale[j];
    }
    return new LogisticProbe(folded, bias);
  }
}
