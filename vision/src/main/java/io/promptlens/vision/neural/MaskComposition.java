package io.promptlens.vision.neural;

import io.promptlens.core.analysis.Composition;
import io.promptlens.vision.composition.CompositionAnalyzer;
import java.util.List;

/**
 * Composition's subject fields from a person mask, in the measured {@link CompositionAnalyzer}'s
 * vocabulary and thresholds: the mask's bounding box is the subject box, its centroid gives the
 * position words (centre / thirds / edge bands of {@link CompositionAnalyzer#ANCHOR_TOLERANCE}),
 * its area share the subject size, and the largest person's larger extent the shot scale (the one
 * rule, {@link io.promptlens.core.analysis.ShotScale#ofExtent}). Every other field stays measured.
 * Stateless.
 */
final class MaskComposition {

  /** A mask is evidence of a person, but the model's mean probability is not calibrated: cap it. */
  static final double MAX_CONFIDENCE = 0.9;

  private MaskComposition() {}

  /** {@code measured} with the subject fields taken from {@code mask}; unchanged when empty. */
  static Composition apply(Composition measured, PersonSegmenter.Mask mask) {
    if (mask == null || mask.empty()) {
      return measured;
    }
    double extent = mask.extent();
    String shot = io.promptlens.core.analysis.ShotScale.ofExtent(extent).wire();
    List<Double> box =
        List.of(r3(mask.x0()), r3(mask.y0()), r3(mask.x1() - mask.x0()), r3(mask.y1() - mask.y0()));
    double confidence = r3(Math.min(MAX_CONFIDENCE, mask.mean()));
    Composition m =
        measured != null
            ? measured
            : new Composition(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    return new Composition(
        position(mask.cx(), mask.cy()),
        shot,
        box,
        r3(mask.area()),
        m.symmetry(),
        m.horizonY(),
        m.tiltDegrees(),
        m.negativeSpace(),
        m.leadingLines(),
        m.cameraAngle(),
        m.cameraAngleConfidence(),
        confidence,
        m.leadingLinesConfidence(),
        m.vanishingPoint());
  }

  /** The measured analyzer's position words, so both sources of a subject speak alike. */
  static String position(double x, double y) {
    return CompositionAnalyzer.position(x, y);
  }

  private static double r3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
