package io.promptlens.core.analysis;

import java.util.List;

/**
 * Measured colour facts. {@code palette} is ordered by share, largest first. {@code meanChroma} is
 * the pixel-average OKLab chroma (0 for gray; about 0.1 is already clearly colourful), kept so
 * later analyzers and the UI can show the number behind the label.
 */
public record ColorAnalysis(
    boolean grayscale,
    List<PaletteColor> palette,
    Temperature temperature,
    Saturation saturation,
    double meanChroma,
    double confidence) {

  public ColorAnalysis {
    palette = List.copyOf(palette);
  }

  public static ColorAnalysis unknown() {
    return new ColorAnalysis(false, List.of(), Temperature.UNKNOWN, Saturation.UNKNOWN, 0, 0);
  }
}
