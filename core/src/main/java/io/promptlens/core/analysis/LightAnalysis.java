package io.promptlens.core.analysis;

import org.jspecify.annotations.Nullable;

/**
 * Measured light facts. {@code meanLuminance} is the mean relative luminance (0..1, linear light);
 * {@code rmsContrast} the standard deviation of perceptual lightness (OKLab L, 0..1).
 *
 * <p>Fields added after the first release may be null (unknown): {@code dynamicRange} in stops
 * between the darkest and brightest percent of pixels; {@code clippedHighlights} and {@code
 * clippedShadows} the shares of pixels at the ends of the code range; {@code backlit} bright light
 * behind a darker subject; {@code silhouette} a nearly detail-less dark shape against a bright
 * background; {@code lightDirection} the side the subject is lit from (or the front); {@code
 * hardness} hard or soft; {@code timeOfDay} golden hour, blue hour or night with {@code
 * timeOfDayConfidence}; {@code backlitConfidence} and {@code silhouetteConfidence} 0..1, how sure
 * the cue is either way (null when not measured).
 */
public record LightAnalysis(
    LightKey key,
    Contrast contrast,
    double meanLuminance,
    double rmsContrast,
    double confidence,
    @Nullable Double dynamicRange,
    @Nullable Double clippedHighlights,
    @Nullable Double clippedShadows,
    @Nullable Boolean backlit,
    @Nullable Boolean silhouette,
    @Nullable LightDirection lightDirection,
    @Nullable LightHardness hardness,
    @Nullable TimeOfDay timeOfDay,
    @Nullable Double timeOfDayConfidence,
    @Nullable Double backlitConfidence,
    @Nullable Double silhouetteConfidence) {

  /**
   * Key, contrast and luminance; every light cue (direction, time of day, backlight, ...) unknown.
   */
  public static LightAnalysis of(
      LightKey key,
      Contrast contrast,
      double meanLuminance,
      double rmsContrast,
      double confidence) {
    return new LightAnalysis(
        key,
        contrast,
        meanLuminance,
        rmsContrast,
        confidence,
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

  public static LightAnalysis unknown() {
    return LightAnalysis.of(LightKey.UNKNOWN, Contrast.UNKNOWN, 0, 0, 0);
  }
}
