package io.promptlens.vision.focus;

import io.promptlens.vision.measure.Grid;
import org.jspecify.annotations.Nullable;

/**
 * Vignette: how many stops darker the four corners are than the centre. Lens vignetting follows the
 * cos⁴ law and falls off smoothly and alike in all four corners (S. F. Ray, "Applied Photographic
 * Optics", 3rd ed., ch. 24), so a fall-off is counted only when every corner is darker than the
 * middle ring, the ring darker than the centre, and the corners agree within {@link #CORNER_SPREAD}
 * stops; scenes whose dark corners come from content rarely do all three.
 */
final class VignetteMeter {

  /** Largest spread between the four corners' fall-off still read as one vignette, in stops. */
  static final double CORNER_SPREAD = 0.75;

  private VignetteMeter() {}

  /** Mean corner fall-off in stops (≥ 0), 0 when there is none, null when the image is black. */
  static @Nullable Double stops(Grid grid) {
    int w = grid.width();
    int h = grid.height();
    double[] sum = new double[6];
    int[] count = new int[6];
    double cx = w / 2.0;
    double cy = h / 2.0;
    double halfDiagonal = Math.hypot(cx, cy);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double dx = x + 0.5 - cx;
        double dy = y + 0.5 - cy;
        double r = Math.hypot(dx, dy) / halfDiagonal;
        int zone;
        if (r <= 0.35) {
          zone = 0;
        } else if (r >= 0.5 && r <= 0.7) {
          zone = 1;
        } else if (r >= 0.85) {
          zone = 2 + (dx < 0 ? 0 : 1) + (dy < 0 ? 0 : 2);
        } else {
          continue;
        }
        sum[zone] += grid.luminance()[y * w + x];
        count[zone]++;
      }
    }
    for (int z = 0; z < 6; z++) {
      if (count[z] == 0) {
        return null;
      }
      sum[z] /= count[z];
    }
    double centre = sum[0];
    if (centre < 1e-3) {
      return null;
    }
    double ring = log2(sum[1] / centre);
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    double mean = 0;
    for (int z = 2; z < 6; z++) {
      double s = log2(Math.max(sum[z], 1e-6) / centre);
      min = Math.min(min, s);
      max = Math.max(max, s);
      mean += s / 4;
    }
    boolean falloff = max < 0 && ring <= 0 && max <= ring && max - min <= CORNER_SPREAD;
    return falloff ? Math.round(-mean * 100) / 100.0 : 0.0;
  }

  private static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }
}
