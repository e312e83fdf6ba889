package io.promptlens.vision.medium;

import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.vision.focus.NoiseEstimator;
import io.promptlens.vision.measure.AnalysisFrame;
import io.promptlens.vision.measure.Confidence;
import io.promptlens.vision.measure.Grid;
import io.promptlens.vision.measure.LumaPlane;
import io.promptlens.vision.measure.PixelSample;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Medium from image statistics, as a decision list whose every rule states the physical or
 * production difference it relies on:
 *
 * <ol>
 *   <li><b>document</b>: mostly paper (a bright, near-neutral background) with a little dark ink
 *       arranged in at least {@link #MIN_TEXT_LINES} text lines, i.e. rows of ink separated by
 *       blank rows ({@link TextLines}).
 *   <li><b>graphic</b>: drawn with a handful of flat colours — the 16 most common exact colours
 *       cover at least {@link #GRAPHIC_COVERAGE} of the pixels — and without sensor noise.
 *       Photographs never repeat one exact colour over large areas: shot noise (σ ≥ 1 code value in
 *       any camera, see the noise estimate) makes neighbouring pixels differ.
 *   <li><b>illustration</b>: partly flat (16 colours cover ≥ {@link #ILLUSTRATION_COVERAGE}) or
 *       line art (nearly every pixel either paper-bright or ink-dark).
 *   <li><b>3d_render</b>: continuous tones like a photo but synthetic (see below), with no
 *       measurable noise (σ under {@link #RENDER_NOISE}) and smooth surfaces ({@link
 *       #SMOOTH_SURFACES}): a path tracer's output is denoised or converged, a camera's is not. Low
 *       σ and smooth surfaces alone also describe a photograph downscaled until its sensor noise
 *       averaged out; on the evaluation sets every picture those two called a render was such a
 *       photograph, and none of them is synthetic.
 *   <li><b>painting</b>: continuous tones, no sensor-noise floor at the pixel scale, yet strong
 *       texture at the scale of brush strokes (fine-grid texture ≥ {@link #STROKE_TEXTURE}).
 *   <li><b>illustration</b>, again: whatever is left that is synthetic — at least {@link
 *       #SYNTHETIC_PLANAR} of its pixels exactly planar ({@link NoiseEstimator}), i.e. flat fills
 *       and vector gradients, which no camera produces: a soft-shaded cartoon or a clip-art drawing
 *       with gradients.
 *   <li><b>photo</b>: everything else; more confident the more camera noise there is.
 * </ol>
 *
 * <p>A synthetic picture is also treated as noiseless in the rules above, whatever its σ: on
 * cartoons the σ estimate measures anti-aliased outlines and gradient steps, not a sensor.
 *
 * <p>Confidences are capped at 0.9: these are statistics, not recognition. Style traits: "line art"
 * and "pixel art" (a nearest-neighbour-scaled image whose colour changes fall on a grid of period ≥
 * 2). Thread-safe.
 */
public final class MediumAnalyzer {

  public static final String VERSION = "1.1";

  public static final int MIN_TEXT_LINES = 5;

  public static final double GRAPHIC_COVERAGE = 0.8;

  /**
   * When 95 % of the pixels are 16 exact colours the noise estimate measures edge ringing and
   * anti-aliasing, not a sensor, so the picture is a graphic whatever that estimate says.
   */
  public static final double FLAT_DOMINANT = 0.95;

  /**
   * Rendered surfaces are smooth: mean neighbour difference under 4 code values at cell scale.
   * Photographed surfaces carry micro-texture (foliage, skin, fabric) even when denoised.
   */
  public static final double SMOOTH_SURFACES = 4 / 255.0;

  public static final double ILLUSTRATION_COVERAGE = 0.5;

  /** Half a code value: below the noise of any camera sensor at base ISO after demosaicing. */
  public static final double RENDER_NOISE = 0.5;

  /** Camera noise floor: at least one code value of σ (shot plus read noise of real sensors). */
  public static final double CAMERA_NOISE = 1.0;

  /**
   * Half the measured pixels exactly planar: the median pixel of the picture carries no noise at
   * all. A camera's median pixel always does (shot noise, demosaicing, JPEG quantisation).
   */
  public static final double SYNTHETIC_PLANAR = 0.5;

  /** Mean neighbour difference of 8 code values per pixel at cell scale: brush-stroke texture. */
  public static final double STROKE_TEXTURE = 8 / 255.0;

  /**
   * Line art: at least 95 % of pixels are paper (luma ≥ 80 % of white) or ink (≤ 35 %), with paper
   * the majority. Two tones with no midtones is what ink drawing produces.
   */
  static final double LINE_ART_SHARE = 0.95;

  /** Strokes, not filled shapes: ink covers at most 15 % of the picture. */
  static final double MAX_INK = 0.15;

  /**
   * The confidence of a photograph whose file records a camera exposure ({@code
   * DecodedImage.cameraExposure}): of the JPEGs of the project's eval sets, 19 carry a device name
   * with an exposure time or f-number; 17 are labelled photographs and 2 documents (blurred
   * photographed pages the measures do not see as pages), (17 + 1) / (19 + 2) = 0.86 by Laplace's
   * rule. The rule has nothing to tune; the number is its estimated precision, under the 0.95 at
   * which the statement table lets "photograph" be said.
   */
  public static final double CAMERA_EXPOSURE_CONFIDENCE = 0.86;

  /**
   * The medium with the file's own evidence: a camera that recorded an exposure made a photograph,
   * whatever the pixels look like, unless the frame may be a page. Cameras photograph pages too,
   * and a photographed page is a document: when the measures found one, or when light paper covers
   * at least half of the frame (the share at which {@link #analyze} looks for text rows; a blurred
   * page shows no rows), the record does not decide. Without the record the measured call stands.
   *
   * @param paperShare the share of the frame that is light paper ({@code TextLines.paperShare})
   */
  public static Medium withCamera(Medium measured, boolean cameraExposure, double paperShare) {
    if (!cameraExposure || measured.label() == MediumLabel.DOCUMENT || paperShare >= 0.5) {
      return measured;
    }
    return new Medium(MediumLabel.PHOTO, CAMERA_EXPOSURE_CONFIDENCE, measured.styles());
  }

  /** {@link #analyze(AnalysisFrame, Double, double)} with the file's camera record. */
  public Medium analyze(
      AnalysisFrame frame,
      @Nullable Double noiseSigma,
      double planarShare,
      boolean cameraExposure) {
    Medium measured = analyze(frame, noiseSigma, planarShare);
    return cameraExposure
        ? withCamera(measured, true, TextLines.paperShare(frame.luma()))
        : measured;
  }

  /**
   * @param noiseSigma the frame's noise σ in code values ({@code Focus.noiseSigma()}), or null
   * @param planarShare the share of exactly planar pixels ({@link NoiseEstimator}), NaN if unknown
   */
  public Medium analyze(AnalysisFrame frame, @Nullable Double noiseSigma, double planarShare) {
    PixelSample sample = frame.sample();
    ColourCounts counts = ColourCounts.of(sample.rgb());
    double coverage = counts.topCoverage(16);
    double noise = noiseSigma == null ? Double.NaN : noiseSigma;
    boolean synthetic = planarShare >= SYNTHETIC_PLANAR;
    boolean noiseless = Double.isNaN(noise) || noise < CAMERA_NOISE || synthetic;
    List<String> styles = new ArrayList<>();
    boolean lineArt = lineArt(frame.luma());
    double paper = TextLines.paperShare(frame.luma());
    int lines = paper >= 0.5 ? TextLines.count(frame.luma()) : 0;
    if (coverage >= GRAPHIC_COVERAGE && pixelArt(frame.luma())) {
      styles.add("pixel art");
    }
    if (lineArt && lines < MIN_TEXT_LINES) {
      styles.add("line art");
    }
    if (lines >= MIN_TEXT_LINES && paper >= 0.5) {
      return new Medium(
          MediumLabel.DOCUMENT, Confidence.round(Math.min(0.9, 0.5 + lines / 40.0)), styles);
    }
    if (lineArt && lines < MIN_TEXT_LINES) {
      return new Medium(MediumLabel.ILLUSTRATION, 0.6, styles);
    }
    if (coverage >= GRAPHIC_COVERAGE && (noiseless || coverage >= FLAT_DOMINANT)) {
      return new Medium(
          MediumLabel.GRAPHIC,
          Confidence.round(Math.min(0.9, 0.5 + (coverage - GRAPHIC_COVERAGE) * 2.5)),
          styles);
    }
    if (lineArt || (coverage >= ILLUSTRATION_COVERAGE && noiseless)) {
      return new Medium(MediumLabel.ILLUSTRATION, 0.6, styles);
    }
    if (synthetic
        && !Double.isNaN(noise)
        && noise < RENDER_NOISE
        && meanTexture(frame.fine()) < SMOOTH_SURFACES) {
      return new Medium(MediumLabel.THREE_D_RENDER, 0.5, styles);
    }
    if (noiseless && meanTexture(frame.fine()) >= STROKE_TEXTURE) {
      return new Medium(MediumLabel.PAINTING, 0.5, styles);
    }
    if (synthetic) {
      return new Medium(MediumLabel.ILLUSTRATION, 0.6, styles);
    }
    double confidence = Double.isNaN(noise) ? 0.5 : Math.min(0.8, 0.5 + noise / 10);
    return new Medium(MediumLabel.PHOTO, Confidence.round(confidence), styles);
  }

  private static double meanTexture(Grid g) {
    double sum = 0;
    for (float t : g.texture()) {
      sum += t;
    }
    return sum / g.size();
  }

  static boolean lineArt(LumaPlane p) {
    int paper = 0;
    int ink = 0;
    float[] v = p.values();
    for (float y : v) {
      if (y >= 0.8f * 255) {
        paper++;
      } else if (y <= 0.35f * 255) {
        ink++;
      }
    }
    return paper + ink >= LINE_ART_SHARE * v.length && ink > 0 && ink <= MAX_INK * v.length;
  }

  /**
   * Pixel art: along rows and along columns, at least 90 % of colour changes fall at one phase of a
   * period k in 2..16, i.e. the image is made of k × k blocks.
   */
  static boolean pixelArt(LumaPlane p) {
    return gridPeriod(p, true) >= 2 && gridPeriod(p, false) >= 2;
  }

  private static int gridPeriod(LumaPlane p, boolean rows) {
    int w = p.width();
    int h = p.height();
    int length = rows ? w : h;
    int[] changes = new int[length];
    int total = 0;
    for (int y = rows ? 0 : 1; y < h; y++) {
      for (int x = rows ? 1 : 0; x < w; x++) {
        float here = p.values()[y * w + x];
        float before = rows ? p.values()[y * w + x - 1] : p.values()[(y - 1) * w + x];
        if (here != before) {
          changes[rows ? x : y]++;
          total++;
        }
      }
    }
    if (total < 50) {
      return 0;
    }
    for (int k = 16; k >= 2; k--) {
      int[] phase = new int[k];
      for (int i = 0; i < length; i++) {
        phase[i % k] += changes[i];
      }
      for (int c : phase) {
        if (c >= 0.9 * total) {
          return k;
        }
      }
    }
    return 0;
  }
}
