package io.promptlens.vision.color;

import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Saturation;
import io.promptlens.core.analysis.Temperature;
import io.promptlens.vision.measure.Confidence;
import io.promptlens.vision.measure.PixelSample;

/**
 * Measures the colour facts of an image: palette, grayscale, white-balance temperature, saturation,
 * colourfulness, and (in {@link HueHarmony}) hue families, harmony, monochrome, duotone and sepia.
 * Every threshold comes from a published perceptual reference or a first-principles argument stated
 * on its constant; none was fitted to test images. Thread-safe.
 */
public final class ColorAnalyzer {

  /** Bump when a rule or threshold changes, so stored analyses show which rules made them. */
  public static final String VERSION = "1.2";

  /**
   * OKLab chroma below which a pixel carries no meaningful colour: about one just-noticeable
   * difference (Ottosson designed OKLab so that ΔE ≈ 0.02 is roughly a JND).
   */
  public static final double GRAY_CHROMA = 0.02;

  /**
   * The image is grayscale when this percentile of pixel chroma is under {@link #GRAY_CHROMA}: up
   * to 1 % of pixels may carry stray colour (compression fringes, a dust speck) without making a
   * black-and-white picture a colour one.
   */
  public static final double GRAY_PERCENTILE = 0.99;

  /**
   * Mean tint along the warm–cool axis, in OKLab units, beyond which the image reads warm or cool:
   * one JND, the smallest cast a viewer can see.
   */
  public static final double TINT_THRESHOLD = 0.02;

  /**
   * Colourfulness M of Hasler &amp; Süsstrunk, "Measuring colourfulness in natural images" (SPIE
   * 2003), below which an image is muted: the midpoint between their "slightly colourful" (M = 15)
   * and "moderately colourful" (33) anchors.
   */
  public static final double MUTED_BELOW = 24;

  /**
   * Colourfulness M from which an image is vivid: the midpoint between Hasler &amp; Süsstrunk's
   * "averagely colourful" (45) and "quite colourful" (59) anchors.
   */
  public static final double VIVID_FROM = 52;

  private final PaletteExtractor palette;

  public ColorAnalyzer(ColorNames names) {
    this.palette = new PaletteExtractor(names);
  }

  public ColorAnalyzer() {
    this(ColorNames.xkcd());
  }

  public ColorAnalysis analyze(PixelSample sample) {
    int n = sample.size();
    float[] chroma = new float[n];
    double sumChroma = 0;
    double sumA = 0;
    double sumB = 0;
    for (int i = 0; i < n; i++) {
      float a = sample.a()[i];
      float b = sample.b()[i];
      chroma[i] = (float) Math.sqrt(a * a + b * b);
      sumChroma += chroma[i];
      sumA += sample.a()[i];
      sumB += sample.b()[i];
    }
    double highChroma =
        new io.promptlens.vision.measure.Histogram(chroma, 0.5).quantile(GRAY_PERCENTILE);
    boolean grayscale = highChroma < GRAY_CHROMA;
    double grayConfidence = Confidence.fromMargin(highChroma, GRAY_CHROMA / 2, GRAY_CHROMA);

    // The mean (a, b) vector is the chroma-weighted mean hue: neutral pixels add nothing, and
    // opposite hues cancel, which is what an overall cast means.
    double tint = WarmCoolAxis.project(sumA / n, sumB / n);
    double towardsGreen = WarmCoolAxis.towardsGreen(sumA / n, sumB / n);
    Temperature temperature;
    double temperatureConfidence;
    if (grayscale) {
      temperature = Temperature.NEUTRAL;
      temperatureConfidence = grayConfidence;
    } else if (tint > TINT_THRESHOLD && towardsGreen > tint) {
      // The mean colour is nearer green than the warm end of the axis (a hue past about 115
      // degrees): the colour of foliage or grass, not a warm cast. It projects onto the warm side
      // all the same (a meadow's green is 55 degrees from the warm end), and "warm tones" told an
      // image model to tint a green picture orange. No temperature is read from it.
      temperature = Temperature.NEUTRAL;
      temperatureConfidence = Confidence.fromMargin(towardsGreen - tint, TINT_THRESHOLD, 0);
    } else {
      temperature =
          tint > TINT_THRESHOLD
              ? Temperature.WARM
              : tint < -TINT_THRESHOLD ? Temperature.COOL : Temperature.NEUTRAL;
      temperatureConfidence =
          Confidence.fromMargin(tint, TINT_THRESHOLD, TINT_THRESHOLD, -TINT_THRESHOLD);
    }

    double m = colourfulness(sample.rgb());
    Saturation saturation =
        m < MUTED_BELOW
            ? Saturation.MUTED
            : m < VIVID_FROM ? Saturation.MODERATE : Saturation.VIVID;
    double saturationConfidence = Confidence.fromMargin(m, 10, MUTED_BELOW, VIVID_FROM);

    double confidence =
        Math.min(grayConfidence, Math.min(temperatureConfidence, saturationConfidence));
    HueHarmony.Result hues = grayscale ? HueHarmony.Result.GREY : HueHarmony.analyze(sample);
    return new ColorAnalysis(
        grayscale,
        palette.extract(sample),
        temperature,
        saturation,
        round(sumChroma / n, 4),
        confidence,
        hues.families(),
        hues.monochrome(),
        grayscale ? Boolean.FALSE : HueHarmony.duotone(sample),
        hues.sepia(),
        round(m, 1),
        hues.harmony());
  }

  /**
   * Mean colour cast along the warm–cool axis in OKLab units (positive warm), the quantity the
   * temperature label thresholds at ±{@link #TINT_THRESHOLD}.
   */
  public static double warmth(PixelSample sample) {
    double sumA = 0;
    double sumB = 0;
    int n = sample.size();
    for (int i = 0; i < n; i++) {
      sumA += sample.a()[i];
      sumB += sample.b()[i];
    }
    return WarmCoolAxis.project(sumA / n, sumB / n);
  }

  /**
   * Hasler &amp; Süsstrunk's colourfulness M on sRGB code values (0..255), as in the paper: rg = R
   * − G, yb = (R + G)/2 − B, M = σ_rgyb + 0.3 μ_rgyb.
   */
  static double colourfulness(int[] rgb) {
    double sumRg = 0;
    double sumYb = 0;
    double sumRg2 = 0;
    double sumYb2 = 0;
    for (int color : rgb) {
      int r = (color >> 16) & 0xFF;
      int g = (color >> 8) & 0xFF;
      int b = color & 0xFF;
      double rg = r - g;
      double yb = 0.5 * (r + g) - b;
      sumRg += rg;
      sumYb += yb;
      sumRg2 += rg * rg;
      sumYb2 += yb * yb;
    }
    int n = rgb.length;
    double meanRg = sumRg / n;
    double meanYb = sumYb / n;
    double varRg = Math.max(0, sumRg2 / n - meanRg * meanRg);
    double varYb = Math.max(0, sumYb2 / n - meanYb * meanYb);
    return Math.sqrt(varRg + varYb) + 0.3 * Math.hypot(meanRg, meanYb);
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
