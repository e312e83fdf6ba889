package io.promptlens.vision.color;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Saturation;
import io.promptlens.core.analysis.Temperature;
import io.promptlens.vision.TestImages;
import io.promptlens.vision.measure.PixelSample;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ColorAnalyzerTest {

  private final ColorAnalyzer analyzer = new ColorAnalyzer();

  private ColorAnalysis analyze(BufferedImage image) {
    return analyzer.analyze(PixelSample.of(image));
  }

  @Test
  void grayRampStoredAsRgbIsGrayscaleAndNeutral() {
    ColorAnalysis color = analyze(TestImages.rgb(256, 64, (x, y) -> x << 16 | x << 8 | x));

    assertThat(color.grayscale()).isTrue();
    assertThat(color.temperature()).isEqualTo(Temperature.NEUTRAL);
    assertThat(color.saturation()).isEqualTo(Saturation.MUTED);
    assertThat(color.meanChroma()).isLessThan(0.001);
  }

  @Test
  void faintChromaNoiseStillCountsAsGray() {
    // ±2 code values per channel, independently: the residue of a gray photo's JPEG chroma.
    ColorAnalysis color = analyze(TestImages.noisy(400, 300, 0x777777, 2, 7));

    assertThat(color.grayscale()).isTrue();
  }

  @Test
  void aFewPercentOfColourStillReadsAsColour() {
    ColorAnalysis color = analyze(TestImages.rgb(100, 100, (x, y) -> y < 5 ? 0xE03020 : 0x808080));

    assertThat(color.grayscale()).isFalse();
  }

  @Test
  void orangeTintedImageIsWarm() {
    ColorAnalysis color = analyze(TestImages.noisy(300, 200, 0xC08850, 20, 1));

    assertThat(color.grayscale()).isFalse();
    assertThat(color.temperature()).isEqualTo(Temperature.WARM);
  }

  @Test
  void aMeadowGreenIsNoWarmCast() {
    // Grass green projects onto the warm side of the black-body axis, but it is the colour of what
    // is pictured: an image model told "warm tones" tints the meadow orange.
    ColorAnalysis color = analyze(TestImages.noisy(300, 200, 0x5A9A30, 20, 3));

    assertThat(color.grayscale()).isFalse();
    assertThat(color.temperature()).isEqualTo(Temperature.NEUTRAL);
  }

  @Test
  void oliveAndRedStayWarm() {
    assertThat(analyze(TestImages.noisy(300, 200, 0x8A8040, 20, 4)).temperature())
        .isEqualTo(Temperature.WARM);
    assertThat(analyze(TestImages.noisy(300, 200, 0xC03838, 20, 5)).temperature())
        .isEqualTo(Temperature.WARM);
  }

  @Test
  void blueTintedImageIsCool() {
    ColorAnalysis color = analyze(TestImages.noisy(300, 200, 0x6A88B0, 20, 2));

    assertThat(color.temperature()).isEqualTo(Temperature.COOL);
  }

  @Test
  void purePrimariesAreVividAndDesaturatedTonesMuted() {
    ColorAnalysis vivid =
        analyze(TestImages.rgb(300, 200, (x, y) -> x < 150 ? 0xFF0000 : 0x0000FF));
    ColorAnalysis muted = analyze(TestImages.noisy(300, 200, 0x8A8478, 6, 3));

    assertThat(vivid.saturation()).isEqualTo(Saturation.VIVID);
    assertThat(muted.saturation()).isEqualTo(Saturation.MUTED);
    assertThat(vivid.meanChroma()).isGreaterThan(0.2);
  }

  @Test
  void colourfulnessFollowsHaslerAndSusstrunk() {
    // Flat gray: no spread, no mean offset.
    assertThat(ColorAnalyzer.colourfulness(new int[] {0x808080, 0x808080})).isZero();
    // Flat pure red: rg = 255, yb = 127.5, no spread: M = 0.3 · |(255, 127.5)|.
    assertThat(ColorAnalyzer.colourfulness(new int[] {0xFF0000, 0xFF0000}))
        .isCloseTo(0.3 * Math.hypot(255, 127.5), org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void confidenceIsLowerNearADecisionBoundary() {
    ColorAnalysis clear = analyze(TestImages.solid(50, 50, 0x808080));
    // OKLab chroma 0.016: still gray, but close to the 0.02 threshold.
    ColorAnalysis borderline = analyze(TestImages.solid(50, 50, 0x8A847A));

    assertThat(borderline.grayscale()).isTrue();
    assertThat(clear.confidence()).isGreaterThan(borderline.confidence());
    assertThat(clear.confidence()).isBetween(0.0, 1.0);
  }
}
