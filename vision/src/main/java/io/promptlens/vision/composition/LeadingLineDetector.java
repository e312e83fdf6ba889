package io.promptlens.vision.composition;

import io.promptlens.vision.measure.Grid;
import org.jspecify.annotations.Nullable;

/**
 * Leading lines: long straight edges that converge on one point inside the frame, the vanishing
 * point of receding parallels or the place they lead the eye to.
 *
 * <p>Lines come from a gradient-directed Hough transform over all orientations (Duda and Hart, CACM
 * 1972; Ballard 1981: each edge cell votes only within ±{@link #VOTE_SPREAD}° of its own gradient
 * orientation) on the fine grid's lightness. Each peak is checked against its supporting edge cells
 * and kept as a segment when an unbroken run (gaps of up to {@link #MAX_GAP} cells) is at least
 * {@link #MIN_LENGTH} of the long side. Lines within {@link #AXIS_BAND}° of the frame axes are left
 * out: in one- and two-point perspective, edges parallel to the image plane stay parallel in the
 * picture, so only oblique lines carry convergence (R. Hartley and A. Zisserman, "Multiple View
 * Geometry", 2nd ed., §8.6). Pairwise intersections of the kept lines are candidate vanishing
 * points (as in line-based detectors since S. T. Barnard, "Interpreting perspective images",
 * Artificial Intelligence 21, 1983); the candidate inside the frame through which the most lines
 * pass, each ending at or short of it, is the convergence point. Not thread-safe (reuses buffers).
 */
final class LeadingLineDetector {

  /** Hough orientation step, degrees. */
  static final int THETA_STEP = 1;

  /** Each edge cell votes within this many degrees of its gradient orientation. */
  static final int VOTE_SPREAD = 3;

  /** Edge strength: one JND of lightness (0.02) per cell, times the Sobel gain of 4. */
  static final double MIN_GRADIENT = HorizonDetector.MIN_GRADIENT;

  /** A supporting cell's gradient must point within this many degrees of the line's normal. */
  static final double ORIENTATION_TOLERANCE = 10;

  /** A leading line spans at least a third of the long side: one thirds-grid division. */
  static final double MIN_LENGTH = 1.0 / 3;

  /** Gaps up to two cells (under 1 % of the long side) do not break a segment. */
  static final int MAX_GAP = 2;

  /** Lines this close to horizontal or vertical are frame-parallel and carry no convergence. */
  static final double AXIS_BAND = 10;

  /** Two lines must differ by this much in angle for their intersection to be well conditioned. */
  static final double MIN_CROSSING = 10;

  /**
   * A line passes through a point when within 3 % of the long side of it: the Hough quantisation
   * (1° and one cell) moves a line's far end by about tan 1° × 256 ≈ 4.5 cells, under 2 %, plus one
   * cell of edge localisation.
   */
  static final double THROUGH = 0.03;

  /** The point may lie inside a segment by at most a quarter of its length (it "leads to" it). */
  static final double INSIDE_SHARE = 0.25;

  /** At most this many peaks are examined. */
  static final int MAX_LINES = 12;

  /**
   * A convergence of lines: their count, the point (0..1) and how many long oblique lines exist.
   */
  record Convergence(int lines, double x, double y, int oblique, int edgeCells) {
    boolean found() {
      return lines >= 2;
    }
  }

  private float[] gx = new float[0];
  private float[] gy = new float[0];
  private float[] mag = new float[0];
  private double[] votes = new double[0];

  Convergence detect(Grid grid) {
    int w = grid.width();
    int h = grid.height();
    if (w < 16 || h < 16) {
      return new Convergence(0, 0, 0, 0, 0);
    }
    int n = w * h;
    if (gx.length < n) {
      gx = new float[n];
      gy = new float[n];
      mag = new float[n];
    }
    float[] l = grid.l();
    int edges = 0;
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int k = y * w + x;
        float sx =
            (l[k - w + 1] + 2 * l[k + 1] + l[k + w + 1])
                - (l[k - w - 1] + 2 * l[k - 1] + l[k + w - 1]);
        float sy =
            (l[k + w - 1] + 2 * l[k + w] + l[k + w + 1])
                - (l[k - w - 1] + 2 * l[k - w] + l[k - w + 1]);
        gx[k] = sx;
        gy[k] = sy;
        float m = (float) Math.sqrt(sx * sx + sy * sy);
        mag[k] = m >= MIN_GRADIENT ? m : 0;
        edges += m >= MIN_GRADIENT ? 1 : 0;
      }
    }
    double cx = w / 2.0;
    double cy = h / 2.0;
    int rhoMax = (int) Math.ceil(Math.hypot(cx, cy)) + 1;
    int rhos = 2 * rhoMax + 1;
    int thetas = 180 / THETA_STEP;
    if (votes.length < thetas * rhos) {
      votes = new double[thetas * rhos];
    } else {
      java.util.Arrays.fill(votes, 0, thetas * rhos, 0);
    }
    double[] cos = new double[thetas];
    double[] sin = new double[thetas];
    for (int t = 0; t < thetas; t++) {
      cos[t] = Math.cos(Math.toRadians(t * THETA_STEP));
      sin[t] = Math.sin(Math.toRadians(t * THETA_STEP));
    }
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int k = y * w + x;
        if (mag[k] == 0) {
          continue;
        }
        // Normal orientation 0..180 (y down), the θ of the line ρ = x cos θ + y sin θ.
        double normal = Math.toDegrees(Math.atan2(gy[k], gx[k]));
        double folded = ((normal % 180) + 180) % 180;
        if (Math.min(folded % 90, 90 - folded % 90) < AXIS_BAND - VOTE_SPREAD) {
          // Its votes could only reach frame-parallel lines, which are dropped below.
          continue;
        }
        int own = (int) Math.round(folded / THETA_STEP);
        double px = x + 0.5 - cx;
        double py = y + 0.5 - cy;
        for (int d = -VOTE_SPREAD; d <= VOTE_SPREAD; d++) {
          int t = Math.floorMod(own + d, thetas);
          int r = (int) Math.round(px * cos[t] + py * sin[t]) + rhoMax;
          votes[t * rhos + r] += mag[k];
        }
      }
    }
    double[][] lines = new double[MAX_LINES][];
    int kept = 0;
    int long_ = Math.max(w, h);
    for (int peak = 0; peak < MAX_LINES; peak++) {
      int best = -1;
      for (int i = 0; i < thetas * rhos; i++) {
        if (votes[i] > 0 && (best < 0 || votes[i] > votes[best])) {
          best = i;
        }
      }
      if (best < 0 || votes[best] < MIN_LENGTH * long_ * MIN_GRADIENT) {
        break;
      }
      int t = best / rhos;
      int r = best % rhos - rhoMax;
      suppress(t, best % rhos, thetas, rhos);
      double[] segment = segment(t * THETA_STEP, r, cos[t], sin[t], w, h, cx, cy);
      if (segment == null || segment[4] < MIN_LENGTH * long_) {
        continue;
      }
      double lineAngle = (t * THETA_STEP + 90) % 180;
      double fromAxis = Math.min(lineAngle % 90, 90 - lineAngle % 90);
      if (fromAxis < AXIS_BAND) {
        continue;
      }
      lines[kept++] = segment;
    }
    return converge(lines, kept, w, h, edges);
  }

  /** Clears the votes within ±5° and ±3 cells of a peak so the next peak is a different line. */
  private void suppress(int t, int r, int thetas, int rhos) {
    for (int dt = -5; dt <= 5; dt++) {
      int tt = Math.floorMod(t + dt, thetas);
      // Wrapping across 0°/180° mirrors ρ.
      boolean wrapped = t + dt < 0 || t + dt >= thetas;
      int rr0 = wrapped ? rhos - 1 - r : r;
      for (int dr = -3; dr <= 3; dr++) {
        int rr = rr0 + dr;
        if (rr >= 0 && rr < rhos) {
          votes[tt * rhos + rr] = 0;
        }
      }
    }
  }

  /**
   * The longest supported run on line (θ, ρ): {x0, y0, x1, y1, length} in cells, or null. A cell
   * supports the line when within one cell of it and its gradient is within {@link
   * #ORIENTATION_TOLERANCE}° of the normal.
   */
  private double @Nullable [] segment(
      double thetaDeg, double rho, double cos, double sin, int w, int h, double cx, double cy) {
    // Direction along the line and the foot of the normal from the centre.
    double dx = -sin;
    double dy = cos;
    double fx = cx + rho * cos;
    double fy = cy + rho * sin;
    double reach = Math.hypot(w, h) / 2 + 2;
    double tol = Math.cos(Math.toRadians(ORIENTATION_TOLERANCE));
    double bestStart = 0;
    double bestEnd = -1;
    double runStart = Double.NaN;
    double lastHit = Double.NaN;
    for (double s = -reach; s <= reach; s += 1) {
      double x = fx + s * dx;
      double y = fy + s * dy;
      boolean hit = false;
      for (int o = -1; o <= 1 && !hit; o++) {
        int xi = (int) Math.floor(x + o * cos);
        int yi = (int) Math.floor(y + o * sin);
        if (xi < 1 || yi < 1 || xi >= w - 1 || yi >= h - 1) {
          continue;
        }
        int k = yi * w + xi;
        if (mag[k] > 0 && Math.abs(gx[k] * cos + gy[k] * sin) >= tol * mag[k]) {
          hit = true;
        }
      }
      if (hit) {
        if (Double.isNaN(runStart) || s - lastHit > MAX_GAP + 1) {
          runStart = s;
        }
        lastHit = s;
        if (lastHit - runStart > bestEnd - bestStart) {
          bestStart = runStart;
          bestEnd = lastHit;
        }
      }
    }
    if (bestEnd < bestStart) {
      return null;
    }
    return new double[] {
      fx + bestStart * dx,
      fy + bestStart * dy,
      fx + bestEnd * dx,
      fy + bestEnd * dy,
      bestEnd - bestStart + 1
    };
  }

  /** The in-frame point through which the most segments pass and to which they lead. */
  private static Convergence converge(double[][] lines, int count, int w, int h, int edges) {
    double through = THROUGH * Math.max(w, h);
    int bestLines = 0;
    double bestX = 0;
    double bestY = 0;
    for (int i = 0; i < count; i++) {
      for (int j = i + 1; j < count; j++) {
        double[] a = lines[i];
        double[] b = lines[j];
        double ax = a[2] - a[0];
        double ay = a[3] - a[1];
        double bx = b[2] - b[0];
        double by = b[3] - b[1];
        double cross = ax * by - ay * bx;
        double sinAngle = Math.abs(cross) / (Math.hypot(ax, ay) * Math.hypot(bx, by));
        if (sinAngle < Math.sin(Math.toRadians(MIN_CROSSING))) {
          continue;
        }
        double u = ((b[0] - a[0]) * by - (b[1] - a[1]) * bx) / cross;
        double px = a[0] + u * ax;
        double py = a[1] + u * ay;
        if (px < 0 || py < 0 || px > w || py > h) {
          continue;
        }
        int support = 0;
        for (int k = 0; k < count; k++) {
          if (leadsTo(lines[k], px, py, through)) {
            support++;
          }
        }
        if (support > bestLines) {
          bestLines = support;
          bestX = px;
          bestY = py;
        }
      }
    }
    return new Convergence(bestLines, bestX / w, bestY / h, count, edges);
  }

  /** Whether the segment's line passes within {@code through} of p and p is not deep inside it. */
  static boolean leadsTo(double[] s, double px, double py, double through) {
    double dx = s[2] - s[0];
    double dy = s[3] - s[1];
    double length = Math.hypot(dx, dy);
    if (length <= 0) {
      return false;
    }
    double ux = dx / length;
    double uy = dy / length;
    double t = (px - s[0]) * ux + (py - s[1]) * uy;
    double off = Math.abs((px - s[0]) * uy - (py - s[1]) * ux);
    double inside = Math.min(t, length - t);
    return off <= through && inside <= INSIDE_SHARE * length;
  }
}
