package io.promptlens.vision.light;

import io.promptlens.core.analysis.LightDirection;
import io.promptlens.core.analysis.LightHardness;
import io.promptlens.core.analysis.TimeOfDay;
import io.promptlens.vision.composition.SubjectRegion;
import io.promptlens.vision.measure.Grid;
import io.promptlens.vision.measure.Hues;
import io.promptlens.vision.measure.Percentile;
import org.jspecify.annotations.Nullable;

/**
 * Spatial light cues on the coarse grid: backlight, silhouette, light direction and hardness on the
 * salient subject, and time-of-day cues. All thresholds are in photographic stops (factors of two
 * in luminance) and Zones around middle gray (Ansel Adams's zone system, one zone per stop), or in
 * OKLab hue and chroma. Each cue is null when its evidence is missing. Thread-safe.
 */
final class LightCues {

  /**
   * Backlit: the surroundings are at least two stops (a 4:1 ratio) brighter than the subject; in
   * photographic lighting-ratio terms more than the 4:1 that still reads as normal modelling.
   */
  static final double BACKLIT_STOPS = 2;

  /**
   * Silhouette: three stops or more (8:1) and the subject at Zone I or darker (4 stops under middle
   * gray: "near black, slight tonality, no texture"), with no visible texture inside.
   */
  static final double SILHOUETTE_STOPS = 3;

  static final double ZONE_I = LightAnalyzer.MIDDLE_GRAY / 16;

  /** Subject texture under 3 code values of neighbour difference is "no texture". */
  static final double NO_TEXTURE = 3 / 255.0;

  /**
   * Lighting ratio across the subject: one stop (2:1) or less is flat, soft light; two stops (4:1)
   * or more is contrasty, hard light (the ratios of portrait lighting manuals, e.g. Hunter, Biver
   * and Fuqua, "Light: Science and Magic").
   */
  static final double SOFT_MAX_STOPS = 1;

  static final double HARD_MIN_STOPS = 2;

  /** Under half a stop of difference both ways the light comes from the camera's side. */
  static final double FRONT_MAX_STOPS = 0.5;

  /** What the cues found; each field null when its cue was not measurable or not seen. */
  record Result(
      @Nullable Boolean backlit,
      @Nullable Boolean silhouette,
      @Nullable LightDirection direction,
      @Nullable LightHardness hardness,
      @Nullable TimeOfDay timeOfDay,
      @Nullable Double timeOfDayConfidence,
      @Nullable Double backlitConfidence,
      @Nullable Double silhouetteConfidence) {}

  /**
   * The ratio cues are measured on the saliency region, which may not be the subject a viewer sees:
   * however clear the ratio, their confidence stays at or under this.
   */
  static final double MAX_RATIO_CONFIDENCE = 0.85;

  /** Confidence of a ratio cue either way, from the ratio's distance (stops) to its threshold. */
  static double ratioConfidence(double ratio, double threshold) {
    double margin = Math.min(1, Math.abs(ratio - threshold) / 2);
    return Math.round((0.5 + (MAX_RATIO_CONFIDENCE - 0.5) * margin) * 1000) / 1000.0;
  }

  static Result analyze(Grid g, SubjectRegion subject, double medianLuminance, double tint) {
    Boolean backlit = null;
    Boolean silhouette = null;
    Double backlitConfidence = null;
    Double silhouetteConfidence = null;
    LightDirection direction = null;
    LightHardness hardness = null;
    int n = g.size();
    if (subject.found() && subject.area() < 0.8) {
      float[] inside = new float[n];
      float[] outside = new float[n];
      int ni = 0;
      int no = 0;
      double texture = 0;
      for (int k = 0; k < n; k++) {
        if (subject.mask()[k]) {
          inside[ni++] = g.luminance()[k];
          texture += g.texture()[k];
        } else {
          outside[no++] = g.luminance()[k];
        }
      }
      if (ni >= 4 && no >= 4) {
        double ys = Math.max(1e-4, Percentile.of(inside, ni, 0.5));
        double yb = Math.max(1e-4, Percentile.of(outside, no, 0.5));
        double ratio = log2(yb / ys);
        backlit = ratio >= BACKLIT_STOPS;
        silhouette = ratio >= SILHOUETTE_STOPS && ys <= ZONE_I && texture / ni < NO_TEXTURE;
        backlitConfidence = ratioConfidence(ratio, BACKLIT_STOPS);
        silhouetteConfidence = ratioConfidence(ratio, SILHOUETTE_STOPS);
        if (!silhouette) {
          double[] sides = sides(g, subject);
          if (sides != null) {
            double lr = sides[0];
            double tb = sides[1];
            double strongest = Math.max(Math.abs(lr), Math.abs(tb));
            if (strongest >= SOFT_MAX_STOPS) {
              direction =
                  Math.abs(lr) >= Math.abs(tb)
                      ? (lr > 0 ? LightDirection.LEFT : LightDirection.RIGHT)
                      : (tb > 0 ? LightDirection.TOP : LightDirection.BOTTOM);
            } else if (strongest < FRONT_MAX_STOPS) {
              direction = LightDirection.FRONT;
            }
            hardness =
                strongest >= HARD_MIN_STOPS
                    ? LightHardness.HARD
                    : strongest <= SOFT_MAX_STOPS ? LightHardness.SOFT : null;
          }
        }
      }
    }
    TimeOfDay time = null;
    double timeConfidence = 0;
    double[] top = upperThird(g);
    double highlightHue = highlightHue(g);
    if (medianLuminance <= ZONE_I && brightPoints(g)) {
      time = TimeOfDay.NIGHT;
      // Capped under 1: darkness is measured, not known (1 is kept for facts given as certain).
      timeConfidence =
          Math.min(
              0.95, 0.5 + 0.5 * Math.min(1, log2(ZONE_I / Math.max(medianLuminance, 1e-5)) / 2));
    } else if (top[3] >= 0.04
        && Hues.within(top[2], 220, 290)
        && top[0] >= ZONE_I
        && top[0] <= LightAnalyzer.MIDDLE_GRAY / 2) {
      time = TimeOfDay.BLUE_HOUR;
      timeConfidence = 0.6;
    } else if (tint >= 0.04 && !Double.isNaN(highlightHue) && Hues.within(highlightHue, 30, 100)) {
      time = TimeOfDay.GOLDEN_HOUR;
      timeConfidence = Math.min(0.7, 0.5 + (tint - 0.04) * 5);
    }
    return new Result(
        backlit,
        silhouette,
        direction,
        hardness,
        time,
        time == null ? null : Math.round(timeConfidence * 1000) / 1000.0,
        backlitConfidence,
        silhouetteConfidence);
  }

  /** Stops of left-over-right and top-over-bottom brightness inside the subject; null if thin. */
  private static double @Nullable [] sides(Grid g, SubjectRegion s) {
    int w = g.width();
    double midX = (s.x0() + s.x1()) / 2 * w;
    double midY = (s.y0() + s.y1()) / 2 * g.height();
    double[] sum = new double[4];
    int[] count = new int[4];
    for (int k = 0; k < g.size(); k++) {
      if (!s.mask()[k]) {
        continue;
      }
      double x = k % w + 0.5;
      double y = k / w + 0.5;
      int h = x < midX ? 0 : 1;
      int v = y < midY ? 2 : 3;
      sum[h] += g.luminance()[k];
      count[h]++;
      sum[v] += g.luminance()[k];
      count[v]++;
    }
    for (int i = 0; i < 4; i++) {
      if (count[i] < 2) {
        return null;
      }
      sum[i] = Math.max(1e-4, sum[i] / count[i]);
    }
    return new double[] {log2(sum[0] / sum[1]), log2(sum[2] / sum[3])};
  }

  /** Mean luminance, mean a, b → hue, chroma of the top third of the frame. */
  private static double[] upperThird(Grid g) {
    int rows = Math.max(1, g.height() / 3);
    double y = 0;
    double a = 0;
    double b = 0;
    int n = rows * g.width();
    for (int k = 0; k < n; k++) {
      y += g.luminance()[k];
      a += g.a()[k];
      b += g.b()[k];
    }
    a /= n;
    b /= n;
    return new double[] {y / n, 0, Hues.degrees(a, b), Math.hypot(a, b)};
  }

  /** OKLab hue of the mean colour of the brightest tenth of cells, NaN when they are neutral. */
  private static double highlightHue(Grid g) {
    int n = g.size();
    double threshold = Percentile.of(g.luminance(), n, 0.9);
    double a = 0;
    double b = 0;
    int count = 0;
    for (int k = 0; k < n; k++) {
      if (g.luminance()[k] >= threshold) {
        a += g.a()[k];
        b += g.b()[k];
        count++;
      }
    }
    a /= count;
    b /= count;
    return Math.hypot(a, b) < 0.05 ? Double.NaN : Hues.degrees(a, b);
  }

  /** Light sources in the dark: some cells at or above middle gray, under a twentieth of all. */
  private static boolean brightPoints(Grid g) {
    int bright = 0;
    for (int k = 0; k < g.size(); k++) {
      if (g.luminance()[k] >= LightAnalyzer.MIDDLE_GRAY) {
        bright++;
      }
    }
    return bright > 0 && bright < 0.05 * g.size();
  }

  private static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }
}
