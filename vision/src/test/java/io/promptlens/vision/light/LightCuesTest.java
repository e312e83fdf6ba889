package io.promptlens.vision.light;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.vision.Synthetic;
import io.promptlens.vision.TestImages;
import io.promptlens.vision.color.ColorAnalyzer;
import io.promptlens.vision.composition.SaliencyDetector;
import io.promptlens.vision.measure.AnalysisFrame;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class LightCuesTest {

  private final LightAnalyzer analyzer = new LightAnalyzer();

  private LightAnalysis analyze(BufferedImage image) {
    AnalysisFrame frame = Synthetic.frame(image);
    return analyzer.analyze(
        frame, new SaliencyDetector().detect(frame.coarse()), ColorAnalyzer.warmth(frame.sample()));
  }

  @Test
  void blackAndWhiteHalvesSpanTheFullRangeAndClip() {
    LightAnalysis l = analyze(TestImages.rgb(400, 300, (x, y) -> x < 200 ? 0 : 0xFFFFFF));

    assertThat(l.dynamicRange())
        .isCloseTo(Math.log(1 / LightAnalyzer.DARKEST) / Math.log(2), within(0.01));
    assertThat(l.clippedHighlights()).isCloseTo(0.5, within(0.01));
    assertThat(l.clippedShadows()).isCloseTo(0.5, within(0.01));
  }

  @Test
  void twoStopsApartIsTwoStopsOfRange() {
    // Linear 0.4 and 0.1: exactly two stops.
    LightAnalysis l = analyze(TestImages.rgb(400, 300, (x, y) -> x < 200 ? 0xAAAAAA : 0x595959));

    assertThat(l.dynamicRange()).isCloseTo(2.0, within(0.05));
    assertThat(l.clippedHighlights()).isZero();
  }

  @Test
  void blackShapeAgainstBrightSkyIsASilhouette() {
    LightAnalysis l =
        analyze(
            TestImages.rgb(
                600, 400, (x, y) -> Math.hypot(x - 300, y - 220) < 90 ? 0x050505 : 0xE8EEF5));

    assertThat(l.backlit()).isTrue();
    assertThat(l.silhouette()).isTrue();
    assertThat(l.lightDirection()).isNull();
  }

  @Test
  void subjectLitFromTheLeftWithAHardLight() {
    // Left half of the subject at linear 0.5, right half at 0.08: 2.6 stops.
    LightAnalysis l =
        analyze(
            TestImages.rgb(
                600,
                400,
                (x, y) ->
                    Math.hypot(x - 300, y - 200) < 100
                        ? (x < 300 ? 0xF0A030 : 0x6A3A0A)
                        : 0xB8B8B8));

    assertThat(l.lightDirection()).hasToString("left");
    assertThat(l.hardness()).hasToString("hard");
  }

  @Test
  void darkFrameWithPointLightsIsNight() {
    LightAnalysis l =
        analyze(
            TestImages.rgb(600, 400, (x, y) -> (x % 120 < 6 && y % 100 < 6) ? 0xFFF0C0 : 0x060608));

    assertThat(l.timeOfDay()).hasToString("night");
    assertThat(l.timeOfDayConfidence()).isGreaterThan(0.5);
  }

  @Test
  void dimDeepBlueSkyIsBlueHour() {
    LightAnalysis l =
        analyze(
            TestImages.rgb(600, 400, (x, y) -> y < 200 ? Synthetic.lch(0.42, 0.1, 262) : 0x202428));

    assertThat(l.timeOfDay()).hasToString("blue hour");
  }

  @Test
  void warmOrangeLightIsGoldenHour() {
    LightAnalysis l =
        analyze(
            TestImages.rgb(
                600,
                400,
                (x, y) -> y < 150 ? Synthetic.lch(0.85, 0.12, 70) : Synthetic.lch(0.45, 0.07, 55)));

    assertThat(l.timeOfDay()).hasToString("golden hour");
  }

  @Test
  void evenGrayHasNoTimeOfDay() {
    LightAnalysis l = analyze(TestImages.noisy(400, 300, 0x808080, 20, 1));

    assertThat(l.timeOfDay()).isNull();
    assertThat(l.backlit()).isNull();
  }
}
