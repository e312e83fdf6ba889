package io.promptlens.core.analysis;

/**
 * Measured light facts. {@code meanLuminance} is the mean relative luminance (0..1, linear light);
 * {@code rmsContrast} the standard deviation of perceptual lightness (OKLab L, 0..1).
 */
public record LightAnalysis(
    LightKey key, Contrast contrast, double meanLuminance, double rmsContrast, double confidence) {

  public static LightAnalysis unknown() {
    return new LightAnalysis(LightKey.UNKNOWN, Contrast.UNKNOWN, 0, 0, 0);
  }
}
