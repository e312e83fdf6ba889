package io.promptlens.core.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Composition. Every field may be null: unknown (not measured, or the evidence was too weak).
 *
 * @param subjectPosition where the salient subject sits (JSON "center", "left third", "upper-right
 *     third", "left edge", ...)
 * @param shotScale close-up, medium or wide, from the subject's size in the frame
 * @param subjectBox [x, y, w, h] of the salient region, normalised to 0..1
 * @param subjectSize share of the frame the salient region covers, 0..1
 * @param symmetry left–right mirror similarity, 0 (none) .. 1 (perfect mirror)
 * @param horizonY height of the horizon line at the image centre, 0 top .. 1 bottom
 * @param tiltDegrees angle of the horizon line, positive when it rises to the right
 * @param negativeSpace share of the frame that is empty (flat and not salient), 0..1
 * @param leadingLines whether long straight lines converge inside the frame
 * @param cameraAngle eye level, high angle, low angle or top-down
 * @param cameraAngleConfidence 0..1 confidence of {@code cameraAngle}
 * @param confidence 0..1 confidence of the subject position and shot scale
 * @param leadingLinesConfidence 0..1 confidence of {@code leadingLines}
 * @param vanishingPoint [x, y] where the leading lines converge, normalised to 0..1, or null
 */
public record Composition(
    @Nullable SubjectPosition subjectPosition,
    @Nullable ShotScale shotScale,
    @Nullable List<Double> subjectBox,
    @Nullable Double subjectSize,
    @Nullable Double symmetry,
    @Nullable Double horizonY,
    @Nullable Double tiltDegrees,
    @Nullable Double negativeSpace,
    @Nullable Boolean leadingLines,
    @Nullable CameraAngle cameraAngle,
    @Nullable Double cameraAngleConfidence,
    @Nullable Double confidence,
    @Nullable Double leadingLinesConfidence,
    @Nullable List<Double> vanishingPoint) {

  public Composition {
    subjectBox = subjectBox == null ? null : List.copyOf(subjectBox);
    vanishingPoint = vanishingPoint == null ? null : List.copyOf(vanishingPoint);
  }

  /** Where the subject is and how much of the frame it takes; every other field unknown. */
  public static Composition of(
      @Nullable SubjectPosition subjectPosition, @Nullable ShotScale shotScale) {
    return new Composition(
        subjectPosition,
        shotScale,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** This composition with its subject's box (x, y, width, height, 0..1) and share of the frame. */
  public Composition withSubject(List<Double> box, @Nullable Double size) {
    return new Composition(
        subjectPosition,
        shotScale,
        box,
        size,
        symmetry,
        horizonY,
        tiltDegrees,
        negativeSpace,
        leadingLines,
        cameraAngle,
        cameraAngleConfidence,
        confidence,
        leadingLinesConfidence,
        vanishingPoint);
  }

  public static Composition unknown() {
    return Composition.of(null, null);
  }
}
