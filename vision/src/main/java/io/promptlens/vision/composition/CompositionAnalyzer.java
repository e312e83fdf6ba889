package io.promptlens.vision.composition;

import io.promptlens.core.analysis.CameraAngle;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.ShotScale;
import io.promptlens.core.analysis.SubjectPosition;
import io.promptlens.vision.measure.AnalysisFrame;
import io.promptlens.vision.measure.Confidence;
import io.promptlens.vision.measure.Grid;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Composition from the saliency subject, a horizon detector, a leading-line detector ({@link
 * LeadingLineDetector}) and grid statistics. The subject's position follows the rule of thirds
 * ({@link SubjectPosition#at}), its shot scale its extent ({@link ShotScale#ofExtent}).
 * Thread-safe.
 */
public final class CompositionAnalyzer {

  public static final String VERSION = "1.1";

  /**
   * Horizon beyond the outer fifths means the camera is pitched: a level camera puts the horizon
   * through the optical centre, and photographers deliberately move it only to the thirds.
   */
  public static final double PITCHED_BEYOND = 0.2;

  /**
   * Leading lines are judged (true or false) only when at least 2 % of the fine cells are edges: a
   * single frame-crossing line on the 256-cell grid is about 0.4 %, so 2 % is several lines' worth.
   */
  static final double MIN_EDGE_SHARE = 0.02;

  /** A cell is empty space when its lightness is within one JND (0.02) of its neighbours'. */
  static final double FLAT_LIGHTNESS = 0.02;

  /** ... and its pixel-level texture is under 5 code values of mean neighbour difference. */
  static final double FLAT_TEXTURE = 5 / 255.0;

  /**
   * Top-down: the camera within {@link #TOP_DOWN_TILT}° of pointing straight down. A textured
   * ground seen at pitch α below the horizontal with a vertical field of view φ lies at distance ∝
   * 1 / sin(angle below the horizon) along each ray, and its texture's image scale falls with
   * distance (J. J. Gibson's texture gradient, "The Perception of the Visual World", 1950; J.
   * Gårding, "Shape from texture for smooth curved surfaces in perspective projection", JMIV 1992).
   * The mean gradient of a texture grows as its image scale shrinks, so the ratio of mean texture
   * between the centres of the top and bottom thirds (at ±φ/3) is sin(α + φ/3) / sin(α − φ/3). With
   * α = 90° − {@link #TOP_DOWN_TILT} and φ = {@link #FIELD_OF_VIEW}° this gives {@link
   * #TOP_DOWN_RATIO} ≈ 1.25; a steeper camera gives less, an oblique one (45°) about 1.9.
   */
  public static final double TOP_DOWN_TILT = 20;

  /**
   * Vertical field of view of a typical camera held in landscape: about 49° for the 26-mm
   * equivalent main lens of a phone (24 mm frame height).
   */
  public static final double FIELD_OF_VIEW = 50;

  public static final double TOP_DOWN_RATIO =
      Math.sin(Math.toRadians(90 - TOP_DOWN_TILT + FIELD_OF_VIEW / 3))
          / Math.sin(Math.toRadians(90 - TOP_DOWN_TILT - FIELD_OF_VIEW / 3));

  /**
   * The texture cue needs a surface that fills the frame: at least 90 % of the coarse cells (the
   * scale of regions) textured over {@link #FLAT_TEXTURE}.
   */
  static final double TEXTURED_SHARE = 0.9;

  /**
   * A fronto-parallel wall, a page or a screenshot also lacks horizon, convergence and texture
   * gradient, so top-down is never more than this sure.
   */
  static final double TOP_DOWN_MAX_CONFIDENCE = 0.6;

  private final HorizonDetector horizons = new HorizonDetector();

  /** The line detector reuses buffers; one per thread keeps this analyzer thread-safe. */
  private final ThreadLocal<LeadingLineDetector> lines =
      ThreadLocal.withInitial(LeadingLineDetector::new);

  public Composition analyze(AnalysisFrame frame, SubjectRegion subject) {
    SubjectPosition position = null;
    ShotScale shot = null;
    List<Double> box = null;
    Double size = null;
    double confidence = 0;
    if (subject.found()) {
      position = SubjectPosition.at(subject.cx(), subject.cy());
      double extent = Math.max(subject.x1() - subject.x0(), subject.y1() - subject.y0());
      shot = ShotScale.ofExtent(extent);
      box =
          List.of(
              r3(subject.x0()),
              r3(subject.y0()),
              r3(subject.x1() - subject.x0()),
              r3(subject.y1() - subject.y0()));
      size = r3(subject.area());
      confidence = Math.min(0.8, 0.5 + 0.5 * Math.min(1, subject.strength() - 1));
    }
    Grid coarse = frame.coarse();
    HorizonDetector.Horizon horizon = horizons.detect(frame.fine());
    LeadingLineDetector.Convergence convergence = lines.get().detect(frame.fine());
    Boolean leading = null;
    Double leadingConfidence = null;
    List<Double> vanishing = null;
    int fineCells = frame.fine().size();
    if (convergence.found()) {
      leading = true;
      boolean onSubject =
          subject.found()
              && convergence.x() >= subject.x0()
              && convergence.x() <= subject.x1()
              && convergence.y() >= subject.y0()
              && convergence.y() <= subject.y1();
      // Two lines meeting can be chance; each further line through the same point is less so.
      leadingConfidence =
          Confidence.round(
              Math.min(0.9, 0.5 + 0.1 * (convergence.lines() - 1) + (onSubject ? 0.1 : 0)));
      vanishing = List.of(r3(convergence.x()), r3(convergence.y()));
    } else if (convergence.edgeCells() >= MIN_EDGE_SHARE * fineCells) {
      // Enough edges to have shown lines: none long and oblique is a firmer no than some that miss.
      leading = false;
      leadingConfidence = convergence.oblique() == 0 ? 0.7 : 0.6;
    }
    CameraAngle angle = null;
    Double angleConfidence = null;
    if (horizon == null && !convergence.found()) {
      Double ratio = textureGradientRatio(coarse);
      if (ratio != null && ratio <= TOP_DOWN_RATIO) {
        angle = CameraAngle.TOP_DOWN;
        angleConfidence =
            Confidence.round(
                Math.min(
                    TOP_DOWN_MAX_CONFIDENCE,
                    Confidence.fromMargin(ratio, TOP_DOWN_RATIO - 1, TOP_DOWN_RATIO)));
      }
    }
    if (horizon != null) {
      angle =
          horizon.y() < PITCHED_BEYOND
              ? CameraAngle.HIGH_ANGLE
              : horizon.y() > 1 - PITCHED_BEYOND ? CameraAngle.LOW_ANGLE : CameraAngle.EYE_LEVEL;
      double margin = Confidence.fromMargin(horizon.y(), 0.15, PITCHED_BEYOND, 1 - PITCHED_BEYOND);
      angleConfidence = Confidence.round(Math.min(0.7, margin * horizon.coverage()));
    }
    return new Composition(
        position,
        shot,
        box,
        size,
        symmetry(coarse),
        horizon == null ? null : r3(horizon.y()),
        horizon == null ? null : Math.round(horizon.tiltDegrees() * 10) / 10.0,
        negativeSpace(coarse, subject),
        leading,
        angle,
        angleConfidence,
        subject.found() ? Confidence.round(confidence) : null,
        leadingConfidence,
        vanishing);
  }

  /**
   * Largest ratio of mean texture between opposite thirds (top/bottom, left/right), ≥ 1, or null
   * when the frame is not textured throughout ({@link #TEXTURED_SHARE}).
   */
  static @Nullable Double textureGradientRatio(Grid g) {
    int w = g.width();
    int h = g.height();
    double[] band = new double[4];
    int[] count = new int[4];
    int textured = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double t = g.texture()[y * w + x];
        textured += t >= FLAT_TEXTURE ? 1 : 0;
        if (3 * y < h) {
          band[0] += t;
          count[0]++;
        } else if (3 * y >= 2 * h) {
          band[1] += t;
          count[1]++;
        }
        if (3 * x < w) {
          band[2] += t;
          count[2]++;
        } else if (3 * x >= 2 * w) {
          band[3] += t;
          count[3]++;
        }
      }
    }
    if (textured < TEXTURED_SHARE * w * h || Math.min(count[0], count[2]) == 0) {
      return null;
    }
    for (int i = 0; i < 4; i++) {
      band[i] /= count[i];
    }
    return Math.max(
        Math.max(band[0], band[1]) / Math.min(band[0], band[1]),
        Math.max(band[2], band[3]) / Math.min(band[2], band[3]));
  }

  /**
   * Left–right mirror similarity: 1 − (mean OKLab distance between mirrored cells) / (mean distance
   * of cells from the image mean). 1 for a perfect mirror, about 0 for unrelated halves (mirrored
   * cells then differ by about √2 times the spread); null for a uniform image.
   */
  static @Nullable Double symmetry(Grid g) {
    int w = g.width();
    int h = g.height();
    int n = w * h;
    double ml = 0;
    double ma = 0;
    double mb = 0;
    for (int k = 0; k < n; k++) {
      ml += g.l()[k];
      ma += g.a()[k];
      mb += g.b()[k];
    }
    ml /= n;
    ma /= n;
    mb /= n;
    double spread = 0;
    double mirror = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int k = y * w + x;
        int m = y * w + (w - 1 - x);
        spread += dist(g.l()[k] - ml, g.a()[k] - ma, g.b()[k] - mb);
        mirror += dist(g.l()[k] - g.l()[m], g.a()[k] - g.a()[m], g.b()[k] - g.b()[m]);
      }
    }
    if (spread / n < 0.01) {
      return null;
    }
    return r3(Math.max(0, 1 - mirror / spread));
  }

  /** Share of cells that are flat, featureless and outside the subject. */
  static Double negativeSpace(Grid g, SubjectRegion subject) {
    int w = g.width();
    int h = g.height();
    int empty = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int k = y * w + x;
        if (subject.found() && subject.mask()[k]) {
          continue;
        }
        double sum = 0;
        int count = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int xx = x + dx;
            int yy = y + dy;
            if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < w && yy < h) {
              sum += Math.abs(g.l()[yy * w + xx] - g.l()[k]);
              count++;
            }
          }
        }
        if (count > 0 && sum / count < FLAT_LIGHTNESS && g.texture()[k] < FLAT_TEXTURE) {
          empty++;
        }
      }
    }
    return r3(empty / (double) (w * h));
  }

  private static double dist(double a, double b, double c) {
    return Math.sqrt(a * a + b * b + c * c);
  }

  private static double r3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
