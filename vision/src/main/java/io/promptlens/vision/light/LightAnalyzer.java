package io.promptlens.vision.light;

import io.promptlens.core.analysis.Contrast;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.vision.measure.Confidence;
import io.promptlens.vision.measure.PixelSample;

/**
 * Measures tonal key and global contrast. The thresholds are expressed in photographic stops around
 * middle gray (18 % reflectance, Zone V of Ansel Adams's zone system, one zone per stop) and
 * converted to OKLab lightness, where for neutral tones L = ∛Y. Thread-safe.
 */
public final class LightAnalyzer {

  /** Bump when a rule or threshold changes. */
  public static final String VERSION = "1.1";

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

  /**
   * Dynamic range is measured between the 1st and 99th percentile of luminance, floored at the
   * luminance of code value 1 (the darkest non-black an 8-bit sRGB file holds), so it is at most
   * about 11.7 stops.
   */
  static final double DARKEST = io.promptlens.vision.measure.Oklab.linear(1);

  /** Highlights are clipped where all three channels are at 250 or more: blown to white. */
  static final int CLIPPED_HIGH = 250;

  /** Shadows are clipped where all three channels are at 5 or less: crushed to black. */
  static final int CLIPPED_LOW = 5;

  /** All light facts, the spatial cues from the coarse grid and the salient subject included. */
  public LightAnalysis analyze(
      io.promptlens.vision.measure.AnalysisFrame frame,
      io.promptlens.vision.composition.SubjectRegion subject,
      double tint) {
    PixelSample sample = frame.sample();
    LightAnalysis base = analyze(sample);
    int n = sample.size();
    int high = 0;
    int low = 0;
    for (int rgb : sample.rgb()) {
      int r = (rgb >> 16) & 0xFF;
      int g = (rgb >> 8) & 0xFF;
      int b = rgb & 0xFF;
      if (r >= CLIPPED_HIGH && g >= CLIPPED_HIGH && b >= CLIPPED_HIGH) {
        high++;
      } else if (r <= CLIPPED_LOW && g <= CLIPPED_LOW && b <= CLIPPED_LOW) {
        low++;
      }
    }
    io.promptlens.vision.measure.Histogram histogram =
        new io.promptlens.vision.measure.Histogram(sample.luminance(), 1);
    double p1 = Math.max(DARKEST, histogram.quantile(0.01));
    double p99 = Math.max(DARKEST, histogram.quantile(0.99));
    double median = histogram.quantile(0.5);
    LightCues.Result cues = LightCues.analyze(frame.coarse(), subject, median, tint);
    return new LightAnalysis(
        base.key(),
        base.contrast(),
        base.meanLuminance(),
        base.rmsContrast(),
        base.confidence(),
        Math.round(Math.log(p99 / p1) / Math.log(2) * 100) / 100.0,
        round4(high / (double) n),
        round4(low / (double) n),
        cues.backlit(),
        cues.silhouette(),
        cues.direction(),
        cues.hardness(),
        cues.timeOfDay(),
        cues.timeOfDayConfidence(),
        cues.backlitConfidence(),
        cues.silhouetteConfidence());
  }

  /** Key, contrast and mean luminance only (the first release's facts). */
  public LightAnalysis analyze(PixelSample sample) {
    int n = sample.size();
    double sumY = 0;
    double sumL = 0;
    double sumL2 = 0;
    for (int i = 0; i < n; i++) {
      sumY += sample.luminance()[i];
      double l = sample.lightness()[i];
      sumL += l;
      sumL2 += l * l;
    }
    double median =
        Math.max(
            1e-4, new io.promptlens.vision.measure.Histogram(sample.luminance(), 1).quantile(0.5));
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

    return LightAnalysis.of(
        key, contrast, round4(sumY / n), round4(std), Math.min(keyConfidence, contrastConfidence));
  }

  private static double round4(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
