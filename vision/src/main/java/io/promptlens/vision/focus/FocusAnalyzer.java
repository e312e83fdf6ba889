package io.promptlens.vision.focus;

import io.promptlens.core.analysis.DepthOfField;
import io.promptlens.core.analysis.Focus;
import io.promptlens.core.analysis.MotionDirection;
import io.promptlens.vision.measure.AnalysisFrame;
import io.promptlens.vision.measure.Confidence;
import io.promptlens.vision.measure.Grid;
import io.promptlens.vision.measure.LumaPlane;
import java.util.Arrays;

/**
 * Focus and texture: sharpness, depth of field, bokeh, motion blur, noise and vignette.
 *
 * <p>The plane is cut into {@link #TILES} × {@link #TILES} tiles and each tile gets the
 * Crété-Roffet blur value ({@link BlurTiles}). Tiles are <em>sharp</em> when their blur is at most
 * that of a step edge blurred by a Gaussian of {@link #SHARP_SIGMA} px, <em>blurred</em> when at
 * least that of {@link #BLURRED_SIGMA} px, or when they have visible content but no fine detail.
 * Thresholds are therefore edge widths, a first-principles quantity, not fitted metric values.
 * Motion blur is read two ways: the blur metric differing between the axes, and, at any angle, the
 * coherence of the gradient structure tensor ({@link #MOTION_COHERENCE}), whose orientation gives
 * the path's angle. Not thread-safe (reuses buffers); {@link io.promptlens.vision.ImageAnalyzer}
 * keeps one per thread.
 */
public final class FocusAnalyzer {

  public static final String VERSION = "1.1";

  /** The calibration values, for documentation and the report. */
  public static double sharpBelow() {
    return SHARP_BELOW;
  }

  /** Tiles per side: 64 regions, each large enough (≥ 20 × 20 px) for the metric to be stable. */
  public static final int TILES = 8;

  /**
   * An edge blurred by σ ≤ 1 px of the ≤ 1,600-px analysis raster is as crisp as the raster can
   * show: its 10–90 % width (2.56 σ) fits in under three pixels.
   */
  public static final double SHARP_SIGMA = 1.0;

  /**
   * From σ = 3 px (10–90 % width ≈ 8 px, half a percent of the long side) softness is visible when
   * the whole image is viewed on a screen.
   */
  public static final double BLURRED_SIGMA = 3.0;

  static final double SHARP_BELOW = BlurTiles.ofBlurredStep(SHARP_SIGMA);
  static final double BLURRED_FROM = BlurTiles.ofBlurredStep(BLURRED_SIGMA);

  /**
   * A tile without fine detail still has content (so is blurred rather than empty) when its
   * lightness varies by at least two just-noticeable differences (OKLab ΔL ≈ 0.02 each).
   */
  static final double CONTENT_STD = 0.04;

  /**
   * Motion blur: the Crété-Roffet blur along one axis exceeds the other axis's by at least this.
   * Defocus is isotropic and blurs both alike; a moving camera or subject blurs along its path.
   * 0.15 is half the span between the sharp and blurred calibration values (about 0.3 apart), so
   * the difference is as large as going from crisp to visibly soft in one direction only. This axis
   * test cannot see a diagonal path (which blurs both axes alike); {@link #MOTION_COHERENCE} covers
   * every angle.
   */
  static final double MOTION_ANISOTROPY = 0.15;

  /**
   * Motion blur at any angle: the coherence of the gradient structure tensor (Bigün and Granlund
   * 1987) reaches this value. For a texture of independent pixels smeared by a box of length L, the
   * gradient energy along the path falls by 1/L² and across it by 1/L, so the coherence is (L − 1)
   * / (L + 1). The threshold is that coherence for the box whose standard deviation (L / √12) is
   * {@link #BLURRED_SIGMA}, the blur width this analyzer already calls visibly soft: L ≈ 10.4 px,
   * coherence ≈ 0.82 (λ1 ≈ 10 λ2). Sharp content with one dominant orientation over the whole frame
   * (stripes, a fence) reaches it too: the tensor cannot tell them apart, and the report says so.
   */
  static final double MOTION_COHERENCE = coherenceOfBox(Math.sqrt(12) * BLURRED_SIGMA);

  /** (L − 1) / (L + 1): the structure-tensor coherence of white noise smeared by a box of L px. */
  static double coherenceOfBox(double length) {
    return (length - 1) / (length + 1);
  }

  /**
   * Noise from which grain is visible: σ of 3 code values is about 1.2 % of the range, above the ~1
   * % Weber fraction for luminance discrimination in mid tones (P. G. J. Barten, "Contrast
   * sensitivity of the human eye and its effects on image quality", 1999).
   */
  public static final double GRAIN_SIGMA = 3.0;

  /**
   * Vignetting is reported from half a stop of corner fall-off, the level lens reviews (e.g.
   * photozone.de's convention) describe as starting to be visible in real scenes.
   */
  public static final double VIGNETTE_STOPS = 0.5;

  private final BlurTiles tiles = new BlurTiles(TILES);
  private final NoiseEstimator noise = new NoiseEstimator();

  public Focus analyze(AnalysisFrame frame) {
    return analyze(frame, noise(frame));
  }

  /**
   * The noise estimate of the frame's luma plane, which {@link #analyze(AnalysisFrame,
   * NoiseEstimator.Estimate)} and the medium analyzer share, so the plane is read once.
   */
  public NoiseEstimator.Estimate noise(AnalysisFrame frame) {
    return noise.measure(frame.luma());
  }

  /** Focus of a frame whose noise was already measured by {@link #noise(AnalysisFrame)}. */
  public Focus analyze(AnalysisFrame frame, NoiseEstimator.Estimate estimate) {
    LumaPlane plane = frame.luma();
    if (plane.width() < 2 * TILES * 3 || plane.height() < 2 * TILES * 3) {
      return Focus.unknown();
    }
    double sigma = estimate.sigma();
    tiles.measure(plane);
    int n = TILES * TILES;
    double[] blur = new double[n];
    int[] kind = new int[n];
    double noiseDetail = Double.isNaN(sigma) ? 0 : 2 * 1.128 * sigma + 1;
    double[] contentStd = tileContentStd(frame.fine());
    int structured = 0;
    int content = 0;
    int sharp = 0;
    int blurred = 0;
    double[] structuredBlur = new double[n];
    for (int t = 0; t < n; t++) {
      blur[t] = tiles.blur(t);
      boolean hasDetail = tiles.detail(t) >= Math.max(2, noiseDetail);
      if (hasDetail || contentStd[t] >= CONTENT_STD) {
        content++;
      }
      if (hasDetail) {
        structuredBlur[structured++] = blur[t];
        if (blur[t] <= SHARP_BELOW) {
          kind[t] = 1;
          sharp++;
        } else if (blur[t] >= BLURRED_FROM) {
          kind[t] = 2;
          blurred++;
        }
      } else if (contentStd[t] >= CONTENT_STD) {
        kind[t] = 2;
        blurred++;
      }
    }
    Double sharpness = null;
    if (structured > 0) {
      double[] sorted = Arrays.copyOf(structuredBlur, structured);
      Arrays.sort(sorted);
      sharpness = round(1 - sorted[(int) Math.floor(0.1 * (structured - 1))]);
    } else if (blurred > 0) {
      sharpness = 0.0;
    }

    DepthOfField dof = null;
    double dofConfidence = 0;
    double blurredShare = blurred / (double) n;
    if (sharp >= 2 && blurredShare >= 0.25 && sharp <= 0.6 * n) {
      dof = DepthOfField.SHALLOW;
      dofConfidence = Math.min(0.85, 0.5 + blurredShare);
    } else if (content >= 8 && sharp >= 0.5 * content && blurred <= 0.1 * content) {
      dof = DepthOfField.DEEP;
      dofConfidence = Math.min(0.85, 0.5 + 0.5 * sharp / content);
    }

    Boolean bokeh = dof == DepthOfField.SHALLOW ? bokeh(frame.fine(), kind) : null;

    Boolean motion = null;
    MotionDirection direction = null;
    Double motionAngle = null;
    double motionConfidence = 0;
    if (structured >= 4) {
      MotionPath path = motionPath(noiseDetail);
      boolean shallow = dof == DepthOfField.SHALLOW;
      boolean soft = Math.max(path.blurH(), path.blurV()) > SHARP_BELOW && !shallow;
      double axisMargin = Math.abs(path.blurH() - path.blurV());
      boolean axis = soft && axisMargin >= MOTION_ANISOTROPY;
      // The axis blur metric cannot see a diagonal smear (it measured a 21-px 45° box on block
      // texture as crisp), so the oriented test stands on the tensor alone.
      boolean oriented = !shallow && path.coherence() >= MOTION_COHERENCE;
      motion = axis || oriented;
      if (motion) {
        // The tensor's angle where it is decisive; otherwise the axis whose blur is larger.
        double degrees = oriented ? path.degrees() : path.blurH() > path.blurV() ? 0 : 90;
        direction = MotionDirection.ofDegrees(degrees);
        motionAngle = Math.round(((180 - degrees) % 180 + 180) % 180 * 10) / 10.0;
        motionConfidence =
            Math.max(
                axis ? Confidence.fromMargin(axisMargin, MOTION_ANISOTROPY, MOTION_ANISOTROPY) : 0,
                oriented ? Confidence.fromMargin(path.coherence(), 0.1, MOTION_COHERENCE) : 0);
      } else {
        // No preferred direction: as sure as the coherence is far from the threshold.
        motionConfidence = Confidence.fromMargin(path.coherence(), 0.2, MOTION_COHERENCE);
      }
    }

    Double noiseSigma = Double.isNaN(sigma) ? null : Math.round(sigma * 100) / 100.0;
    Boolean grain = noiseSigma == null ? null : sigma >= GRAIN_SIGMA;
    Double vignetteStops = VignetteMeter.stops(frame.coarse());
    Boolean vignette = vignetteStops == null ? null : vignetteStops >= VIGNETTE_STOPS;

    double confidence =
        sharpness == null
            ? 0
            : Confidence.fromMargin(
                sorted90(structuredBlur, structured), 0.1, SHARP_BELOW, BLURRED_FROM);
    return new Focus(
        sharpness,
        dof,
        dof == null ? null : Confidence.round(dofConfidence),
        bokeh,
        motion,
        direction,
        noiseSigma,
        grain,
        vignetteStops,
        vignette,
        Confidence.round(confidence),
        motionAngle,
        motion == null ? null : Confidence.round(Math.min(0.9, motionConfidence)),
        // Highlight discs are a heuristic cue: never more than even odds plus a little.
        bokeh == null ? null : BOKEH_CONFIDENCE,
        grain == null ? null : grainConfidence(sigma));
  }

  /** Confidence of the bokeh cue either way: a count of bright blobs, not a recognised disc. */
  static final double BOKEH_CONFIDENCE = 0.6;

  /**
   * Confidence of the grain call either way, from σ's distance to {@link #GRAIN_SIGMA}: fine
   * texture (fur, foliage) left after the estimator's edge mask raises σ as noise does, so a call
   * near the threshold is a coin toss and only σ of about 8 code values or more (or under 1)
   * reaches 0.9. Capped at 0.95.
   */
  static double grainConfidence(double sigma) {
    return Confidence.round(Math.min(0.95, 0.5 + 0.45 * Math.abs(sigma - GRAIN_SIGMA) / 6));
  }

  /**
   * Blur along each axis (Crété-Roffet) and the structure tensor, summed over the tiles with
   * detail. The tensor's eigenvalues λ1 ≥ λ2 give the coherence (λ1 − λ2) / (λ1 + λ2) and the
   * eigenvector of λ1 the dominant gradient orientation; a moving camera or subject smears along
   * its path, removing gradients along it, so the path is perpendicular to that orientation.
   */
  private MotionPath motionPath(double noiseDetail) {
    double fh = 0;
    double vh = 0;
    double fv = 0;
    double vv = 0;
    double a = 0;
    double c = 0;
    double b = 0;
    for (int t = 0; t < TILES * TILES; t++) {
      if (tiles.detail(t) >= Math.max(2, noiseDetail)) {
        fh += tiles.sumFh[t];
        vh += tiles.sumVh[t];
        fv += tiles.sumFv[t];
        vv += tiles.sumVv[t];
        a += tiles.sxx[t];
        c += tiles.syy[t];
        b += tiles.sxy[t];
      }
    }
    double root = Math.hypot((a - c) / 2, b);
    double coherence = a + c <= 0 ? 0 : 2 * root / (a + c);
    // Gradient orientation (y down), then the path at right angles to it.
    double gradient = 0.5 * Math.toDegrees(Math.atan2(2 * b, a - c));
    double path = ((gradient + 90) % 180 + 180) % 180;
    return new MotionPath((fh - vh) / fh, (fv - vv) / fv, coherence, path);
  }

  /** Axis blur values, tensor coherence and the path orientation (degrees, y down, 0..180). */
  private record MotionPath(double blurH, double blurV, double coherence, double degrees) {}

  private static double sorted90(double[] values, int length) {
    if (length == 0) {
      return 0;
    }
    double[] sorted = Arrays.copyOf(values, length);
    Arrays.sort(sorted);
    return sorted[(int) Math.floor(0.1 * (length - 1))];
  }

  /** Standard deviation of OKLab L over the fine-grid cells of each tile. */
  private static double[] tileContentStd(Grid grid) {
    int n = TILES * TILES;
    double[] sum = new double[n];
    double[] sum2 = new double[n];
    int[] count = new int[n];
    for (int y = 0; y < grid.height(); y++) {
      int ty = Math.min(TILES - 1, y * TILES / grid.height());
      for (int x = 0; x < grid.width(); x++) {
        int t = ty * TILES + Math.min(TILES - 1, x * TILES / grid.width());
        double l = grid.l()[y * grid.width() + x];
        sum[t] += l;
        sum2[t] += l * l;
        count[t]++;
      }
    }
    double[] std = new double[n];
    for (int t = 0; t < n; t++) {
      if (count[t] > 0) {
        double mean = sum[t] / count[t];
        std[t] = Math.sqrt(Math.max(0, sum2[t] / count[t] - mean * mean));
      }
    }
    return std;
  }

  /**
   * Bokeh: out-of-focus highlights show as separate bright discs. Within the blurred tiles, cells
   * 1.5 stops or more above the blurred area's median luminance are highlights; three or more
   * separate highlight blobs, together under a quarter of the blurred area, make bokeh.
   */
  private static boolean bokeh(Grid grid, int[] kind) {
    int n = grid.size();
    boolean[] inBlur = new boolean[n];
    float[] lum = new float[n];
    int m = 0;
    for (int y = 0; y < grid.height(); y++) {
      int ty = Math.min(TILES - 1, y * TILES / grid.height());
      for (int x = 0; x < grid.width(); x++) {
        int k = y * grid.width() + x;
        int t = ty * TILES + Math.min(TILES - 1, x * TILES / grid.width());
        if (kind[t] == 2) {
          inBlur[k] = true;
          lum[m++] = grid.luminance()[k];
        }
      }
    }
    if (m < 16) {
      return false;
    }
    double median = io.promptlens.vision.measure.Percentile.of(lum, m, 0.5);
    double threshold = Math.max(median, 1e-4) * Math.pow(2, 1.5);
    boolean[] bright = new boolean[n];
    int brightCount = 0;
    for (int k = 0; k < n; k++) {
      bright[k] = inBlur[k] && grid.luminance()[k] >= threshold;
      brightCount += bright[k] ? 1 : 0;
    }
    if (brightCount == 0 || brightCount > 0.25 * m) {
      return false;
    }
    int[] labels = new int[n];
    int blobs =
        io.promptlens.vision.measure.Regions.label(bright, grid.width(), grid.height(), labels);
    return blobs >= 3;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
