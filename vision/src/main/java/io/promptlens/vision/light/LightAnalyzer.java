package io.promptlens.vision.light;

import io.promptlens.core.analysis.Contrast;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.vision.measure.Confidence;
import io.promptlens.vision.measure.PixelSample;
import java.util.Arrays;

/**
 * Measures tonal key and global contrast. The thresholds are expressed in photographic stops around
 * middle gray (18 % reflectance, Zone V of Ansel Adams's zone system, one zone per stop) and
 * converted to OKLab lightness, where for neutral tones L = ∛Y. Thread-safe.
 */
public final class LightAnalyzer {

  /** Bump when a rule or threshold changes. */
  public static final String VERSION = "1.0";

  /** Relative luminance of middle gray. */
  static final double MIDDLE_GRAY = 0.18;

  /**
   * Key is low when the median pixel sits 1.5 stops or more below middle gray (closer to Zone III,
   * "textured shadow", than to Zone V), high when 1.5 stops or more above (towards Zone VII,
   * "textured highlight"). The median, not the mean, so a few highlights do not lift a dark image.
   */
  public static final double KEY_STOPS = 1.5;

  /**
   * Contrast is low when the standard deviation of OKLab L is under the value of a two-tone image
   * one stop either side of middle gray (Zones IV and VI: a flat, foggy scene), ≈ 0.13.
   */
  public static final double LOW_CONTRAST_BELOW = twoToneStd(1);

  /**
   * Contrast is high from the standard deviation of a two-tone image two stops either side of
   * middle gray (Zones III and VII: deep shadows next to bright highlights), ≈ 0.27.
   */
  public static final double HIGH_CONTRAST_FROM = twoToneStd(2);

  /**
   * Std of L for an image that is half one tone, half another, {@code stops} either side of Zone V.
   */
  static double twoToneStd(double stops) {
    double bright = Math.cbrt(MIDDLE_GRAY * Math.pow(2, stops));
    double dark = Math.cbrt(MIDDLE_GRAY * Math.pow(2, -stops));
    return (bright - dark) / 2;
  }

  public LightAnalysis analyze(PixelSample sample) {
    int n = sample.size();
    float[] luminance = sample.luminance().clone();
    double sumY = 0;
    double sumL = 0;
    double sumL2 = 0;
    for (int i = 0; i < n; i++) {
      sumY += luminance[i];
      double l = sample.lightness()[i];
      sumL += l;
      sumL2 += l * l;
    }
    Arrays.sort(luminance);
    double median = Math.max(1e-4, luminance[n / 2]);
    double stops = Math.log(median / MIDDLE_GRAY) / Math.log(2);
    LightKey key =
        stops <= -KEY_STOPS ? LightKey.LOW : stops >= KEY_STOPS ? LightKey.HIGH : LightKey.MID;
    double keyConfidence = Confidence.fromMargin(stops, 1, -KEY_STOPS, KEY_STOPS);

    double meanL = sumL / n;
    double std = Math.sqrt(Math.max(0, sumL2 / n - meanL * meanL));
    Contrast contrast =
        std < LOW_CONTRAST_BELOW
            ? Contrast.LOW
            : std < HIGH_CONTRAST_FROM ? Contrast.MEDIUM : Contrast.HIGH;
    double contrastConfidence =
        Confidence.fromMargin(std, 0.05, LOW_CONTRAST_BELOW, HIGH_CONTRAST_FROM);

    return new LightAnalysis(
        key, contrast, round4(sumY / n), round4(std), Math.min(keyConfidence, contrastConfidence));
  }

  private static double round4(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
