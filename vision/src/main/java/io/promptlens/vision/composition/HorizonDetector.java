package io.promptlens.vision.composition;

import io.promptlens.vision.measure.Grid;

/**
 * Finds a horizon: the strongest long, nearly level straight edge, by a Hough transform (P. V. C.
 * Hough, US patent 3,069,654, 1962; in the line form of R. O. Duda and P. E. Hart, "Use of the
 * Hough transformation to detect lines and curves in pictures", CACM 1972) restricted to tilts
 * within ±{@link #MAX_TILT}° and voting only near each edge pixel's own gradient orientation (as in
 * D. H. Ballard's gradient-directed variant, 1981). The peak is refined by a weighted least-squares
 * fit to its supporting edge pixels. Runs on the fine grid's lightness. Thread-safe.
 */
public final class HorizonDetector {

  /** Horizons tilted more than this are read as deliberate diagonals, not a level line. */
  public static final double MAX_TILT = 20;

  /** Hough slope resolution in degrees. */
  static final double STEP = 0.25;

  /** An edge must change lightness by at least one JND (0.02) per pixel; Sobel gains 4×. */
  static final double MIN_GRADIENT = 0.08;

  /** The line must be supported across at least this share of the width. */
  public static final double MIN_COVERAGE = 0.6;

  /** A horizon: centre height (0..1 from the top), tilt (degrees, + rising right), coverage. */
  public record Horizon(double y, double tiltDegrees, double coverage) {}

  /** The horizon, or null when no long level line is found. */
  public Horizon detect(Grid grid) {
    int w = grid.width();
    int h = grid.height();
    if (w < 16 || h < 16) {
      return null;
    }
    float[] l = grid.l();
    int slopes = (int) Math.round(2 * MAX_TILT / STEP) + 1;
    double[] tan = new double[slopes];
    for (int s = 0; s < slopes; s++) {
      tan[s] = Math.tan(Math.toRadians(-MAX_TILT + s * STEP));
    }
    double cx = w / 2.0;
    double[] votes = new double[slopes * h];
    int window = (int) Math.round(2 / STEP);
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        double gx = sobelX(l, w, x, y);
        double gy = sobelY(l, w, x, y);
        double magnitude = Math.hypot(gx, gy);
        if (magnitude < MIN_GRADIENT || Math.abs(gy) < 1e-9) {
          continue;
        }
        double angle = Math.toDegrees(Math.atan(-gx / gy));
        if (Math.abs(angle) > MAX_TILT + 2) {
          continue;
        }
        int own = (int) Math.round((angle + MAX_TILT) / STEP);
        for (int s = Math.max(0, own - window); s <= Math.min(slopes - 1, own + window); s++) {
          double yc = y + 0.5 - tan[s] * (x + 0.5 - cx);
          int bin = (int) Math.floor(yc);
          if (bin >= 0 && bin < h) {
            votes[s * h + bin] += magnitude;
          }
        }
      }
    }
    int best = 0;
    for (int i = 1; i < votes.length; i++) {
      if (votes[i] > votes[best]) {
        best = i;
      }
    }
    if (votes[best] <= 0) {
      return null;
    }
    double slope = tan[best / h];
    double intercept = best % h + 0.5;
    // Refine: weighted least squares over edge pixels within 1.5 cells of the line.
    int columns = 32;
    boolean[] covered = new boolean[columns];
    double sw = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        double px = x + 0.5 - cx;
        double py = y + 0.5;
        if (Math.abs(py - (intercept + slope * px)) > 1.5) {
          continue;
        }
        double gx = sobelX(l, w, x, y);
        double gy = sobelY(l, w, x, y);
        double magnitude = Math.hypot(gx, gy);
        if (magnitude < MIN_GRADIENT || Math.abs(gy) < 1e-9) {
          continue;
        }
        if (Math.abs(Math.toDegrees(Math.atan(-gx / gy)) - Math.toDegrees(Math.atan(slope))) > 5) {
          continue;
        }
        covered[Math.min(columns - 1, x * columns / w)] = true;
        sw += magnitude;
        sx += magnitude * px;
        sy += magnitude * py;
        sxx += magnitude * px * px;
        sxy += magnitude * px * py;
      }
    }
    int coveredCount = 0;
    for (boolean c : covered) {
      coveredCount += c ? 1 : 0;
    }
    // Border columns cannot hold Sobel responses; do not count them against the line.
    double coverage = Math.min(1, coveredCount / (double) (columns - 2));
    if (coverage < MIN_COVERAGE || sw <= 0) {
      return null;
    }
    double det = sw * sxx - sx * sx;
    if (Math.abs(det) > 1e-9) {
      slope = (sw * sxy - sx * sy) / det;
      intercept = (sy - slope * sx) / sw;
    }
    return new Horizon(intercept / h, -Math.toDegrees(Math.atan(slope)), coverage);
  }

  private static double sobelX(float[] l, int w, int x, int y) {
    int k = y * w + x;
    return (l[k - w + 1] + 2 * l[k + 1] + l[k + w + 1])
        - (l[k - w - 1] + 2 * l[k - 1] + l[k + w - 1]);
  }

  private static double sobelY(float[] l, int w, int x, int y) {
    int k = y * w + x;
    return (l[k + w - 1] + 2 * l[k + w] + l[k + w + 1])
        - (l[k - w - 1] + 2 * l[k - w] + l[k - w + 1]);
  }
}
