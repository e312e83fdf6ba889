package io.promptlens.vision.neural;

import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.ShotScale;
import io.promptlens.core.analysis.SubjectPosition;
import java.util.List;

/**
 * Composition's subject fields from a person mask, by the same rules as the measured {@code
 * CompositionAnalyzer}: the mask's bounding box is the subject box, its centroid gives the position
 * ({@link SubjectPosition#at}), its area share the subject size, and the largest person's larger
 * extent the shot scale ({@link ShotScale#ofExtent}). Every other field stays measured. Stateless.
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
    List<Double> box =
        List.of(r3(mask.x0()), r3(mask.y0()), r3(mask.x1() - mask.x0()), r3(mask.y1() - mask.y0()));
    double confidence = r3(Math.min(MAX_CONFIDENCE, mask.mean()));
    Composition m = measured != null ? measured : Composition.unknown();
    return new Composition(
        SubjectPosition.at(mask.cx(), mask.cy()),
        ShotScale.ofExtent(extent),
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

  private static double r3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
