package io.promptlens.core.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Measured colour facts. {@code palette} is ordered by share, largest first. {@code meanChroma} is
 * the pixel-average OKLab chroma (0 for gray; about 0.1 is already clearly colourful), kept so
 * later analyzers and the UI can show the number behind the label.
 *
 * <p>Fields added after the first release may be null (unknown): {@code hueFamilies} the hue
 * families ("red", "orange", "blue", ...) holding at least a tenth of the coloured pixels, largest
 * first; {@code monochrome} one hue only (tints and shades of it); {@code duotone} every colour on
 * a ramp between two tones of different hue; {@code sepia} a brownish monochrome; {@code
 * colorfulness} the Hasler–Süsstrunk M (0 gray, about 15 slightly, 45 averagely, 109 extremely
 * colourful); {@code harmony} the narrowest hue template that fits ("monochromatic", "analogous",
 * "complementary", "split-complementary", "triadic", "double-complementary" or "varied").
 */
public record ColorAnalysis(
    boolean grayscale,
    List<PaletteColor> palette,
    Temperature temperature,
    Saturation saturation,
    double meanChroma,
    double confidence,
    @Nullable List<String> hueFamilies,
    @Nullable Boolean monochrome,
    @Nullable Boolean duotone,
    @Nullable Boolean sepia,
    @Nullable Double colorfulness,
    @Nullable String harmony) {

  public ColorAnalysis {
    palette = List.copyOf(palette);
    hueFamilies = hueFamilies == null ? null : List.copyOf(hueFamilies);
  }

  /**
   * The palette and its summary, measured; every finer colour fact (hue families, harmony, ...)
   * unknown.
   */
  public static ColorAnalysis of(
      boolean grayscale,
      List<PaletteColor> palette,
      Temperature temperature,
      Saturation saturation,
      double meanChroma,
      double confidence) {
    return new ColorAnalysis(
        grayscale,
        palette,
        temperature,
        saturation,
        meanChroma,
        confidence,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public static ColorAnalysis unknown() {
    return ColorAnalysis.of(false, List.of(), Temperature.UNKNOWN, Saturation.UNKNOWN, 0, 0);
  }
}
