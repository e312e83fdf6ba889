package io.promptlens.core.analysis;

import org.jspecify.annotations.Nullable;

/**
 * Focus and texture. Every field may be null, which the JSON shows as {@code null}: unknown (not
 * measured, or the evidence was too weak to say).
 *
 * @param sharpness 0 (entirely blurred) .. 1 (crisp), one minus the no-reference blur metric of
 *     Crété-Roffet et al. (2007) on the sharpest part of the image
 * @param depthOfField shallow (a sharp region against a blurred one) or deep (sharp throughout)
 * @param depthOfFieldConfidence 0..1 confidence of {@code depthOfField}
 * @param bokeh whether the blurred region shows out-of-focus highlight discs
 * @param motionBlur whether the image is blurred along one direction
 * @param motionDirection along an image axis or a diagonal
 * @param noiseSigma standard deviation of the noise in 8-bit code values (Immerkær 1996)
 * @param grain whether that noise is visible
 * @param vignetteStops how many stops darker the corners are than a centre-based expectation
 * @param vignette whether a vignette is visible
 * @param confidence 0..1 confidence of the section as a whole
 * @param motionAngleDegrees orientation of the motion path, 0..180 degrees counter-clockwise from
 *     the image's horizontal (0 horizontal, 45 rising to the right, 90 vertical, 135 falling)
 * @param motionConfidence 0..1 confidence of {@code motionBlur} and {@code motionDirection}
 * @param bokehConfidence 0..1 confidence of {@code bokeh}
 * @param grainConfidence 0..1 confidence of {@code grain}
 */
public record Focus(
    @Nullable Double sharpness,
    @Nullable DepthOfField depthOfField,
    @Nullable Double depthOfFieldConfidence,
    @Nullable Boolean bokeh,
    @Nullable Boolean motionBlur,
    @Nullable MotionDirection motionDirection,
    @Nullable Double noiseSigma,
    @Nullable Boolean grain,
    @Nullable Double vignetteStops,
    @Nullable Boolean vignette,
    @Nullable Double confidence,
    @Nullable Double motionAngleDegrees,
    @Nullable Double motionConfidence,
    @Nullable Double bokehConfidence,
    @Nullable Double grainConfidence) {

  /** Sharpness and depth of field; every other field unknown. */
  public static Focus of(@Nullable Double sharpness, @Nullable DepthOfField depthOfField) {
    return new Focus(
        sharpness,
        depthOfField,
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
        null,
        null);
  }

  public static Focus unknown() {
    return Focus.of(null, null);
  }
}
