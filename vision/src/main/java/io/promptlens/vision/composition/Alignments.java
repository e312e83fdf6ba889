package io.promptlens.vision.composition;

/**
 * The a-contrario test for straight alignments of A. Desolneux, L. Moisan and J.-M. Morel,
 * "Meaningful alignments", International Journal of Computer Vision 40(1), 2000: under the
 * background model each of the {@code length} cells along a candidate line is an aligned edge
 * independently with probability {@code p}; seeing {@code aligned} or more of them is meaningful
 * when the number of false alarms NFA = tests × P[Binomial(length, p) ≥ aligned] is at most 1 (the
 * paper's ε = 1: less than one false detection expected per image, whatever its content).
 */
final class Alignments {

  private Alignments() {}

  /** Whether {@code aligned} of {@code length} cells is an ε = 1 meaningful alignment. */
  static boolean meaningful(int length, int aligned, double p, double tests) {
    return Math.log10(Math.max(tests, 1)) + log10Tail(length, aligned, p) <= 0;
  }

  /** log10 P[Binomial(n, p) ≥ k], summed exactly in log space. */
  static double log10Tail(int n, int k, double p) {
    if (k <= 0) {
      return 0;
    }
    if (k > n) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p >= 1) {
      return 0;
    }
    double lp = Math.log(p);
    double lq = Math.log1p(-p);
    // log C(n, k), then the terms k..n by their ratio.
    double logTerm = 0;
    for (int i = 1; i <= k; i++) {
      logTerm += Math.log(n - k + i) - Math.log(i);
    }
    logTerm += k * lp + (n - k) * lq;
    double max = logTerm;
    double sum = 1;
    double current = logTerm;
    for (int i = k + 1; i <= n; i++) {
      current += Math.log(n - i + 1) - Math.log(i) + lp - lq;
      sum += Math.exp(current - max);
    }
    return (max + Math.log(sum)) / Math.log(10);
  }
}
