package io.promptlens.vision.composition;

import io.promptlens.vision.measure.Grid;
import org.jspecify.annotations.Nullable;

/**
 * Finds a horizon: the strongest long, nearly level straight edge, by a Hough transform (P. V. C.
 * Hough, US patent 3,069,654, 1962; in the line form of R. O. Duda and P. E. Hart, "Use of the
 * Hough transformation to detect lines and curves in pictures", CACM 1972) restricted to tilts
 * within ±{@link #MAX_TILT}° and voting only near each edge pixel's own gradient orientation (as in
 * D. H. Ballard's gradient-directed variant, 1981). The peak is refined by a weighted least-squares
 * fit to its supporting edge pixels, and kept only when it is a meaningful alignment in the
 * a-contrario sense ({@link Alignments}): dense texture has edge pixels at every orientation and
 * would otherwise line up "horizons" by chance. Runs on the fine grid's lightness. Thread-safe.
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
  public @Nullable Horizon detect(Grid grid) {
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
    int edges = 0;
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        double gx = sobelX(l, w, x, y);
        double gy = sobelY(l, w, x, y);
        double magnitude = Math.sqrt(gx * gx + gy * gy);
        if (magnitude < MIN_GRADIENT) {
          continue;
        }
        edges++;
        if (Math.abs(gy) < 1e-9) {
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
        double magnitude = Math.sqrt(gx * gx + gy * gy);
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
    if (!meaningful(l, w, h, cx, slope, intercept, slopes, edges)) {
      return null;
    }
    return new Horizon(intercept / h, -Math.toDegrees(Math.atan(slope)), coverage);
  }

  /**
   * The a-contrario check of the fitted line: along its {@code w − 2} interior columns, count those
   * with an edge cell within one cell of the line whose orientation is within {@link
   * #ALIGNMENT_DEGREES}° of it. By chance a column has one with probability 1 − (1 − ρ q)³, ρ the
   * image's edge density and q = 2 × {@link #ALIGNMENT_DEGREES} / 180 the orientation precision;
   * the tests are the Hough bins.
   */
  private static boolean meaningful(
      float[] l, int w, int h, double cx, double slope, double intercept, int slopes, int edges) {
    int cells = (w - 2) * (h - 2);
    double lineDegrees = Math.toDegrees(Math.atan(slope));
    int aligned = 0;
    for (int x = 1; x < w - 1; x++) {
      int yc = (int) Math.floor(intercept + slope * (x + 0.5 - cx));
      boolean hit = false;
      for (int y = Math.max(1, yc - 1); y <= Math.min(h - 2, yc + 1) && !hit; y++) {
        double gx = sobelX(l, w, x, y);
        double gy = sobelY(l, w, x, y);
        if (gx * gx + gy * gy >= MIN_GRADIENT * MIN_GRADIENT && Math.abs(gy) > 1e-9) {
          hit = Math.abs(Math.toDegrees(Math.atan(-gx / gy)) - lineDegrees) <= ALIGNMENT_DEGREES;
        }
      }
      aligned += hit ? 1 : 0;
    }
    double rho = edges / (double) Math.max(1, cells);
    double p = 1 - Math.pow(1 - rho * 2 * ALIGNMENT_DEGREES / 180, 3);
    return Alignments.meaningful(w - 2, aligned, p, (double) slopes * h);
  }

  /** Orientation precision of the alignment check, the refinement's own ±5°. */
  static final double ALIGNMENT_DEGREES = 5;

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
