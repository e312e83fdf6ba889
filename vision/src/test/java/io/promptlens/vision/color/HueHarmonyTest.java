package io.promptlens.vision.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.vision.Synthetic;
import io.promptlens.vision.TestImages;
import io.promptlens.vision.measure.PixelSample;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class HueHarmonyTest {

  private final ColorAnalyzer analyzer = new ColorAnalyzer();

  private ColorAnalysis analyze(BufferedImage image) {
    return analyzer.analyze(PixelSample.of(image));
  }

  @Test
  void oneHueInManyLightnessesIsMonochromatic() {
    ColorAnalysis c =
        analyze(TestImages.rgb(300, 200, (x, y) -> Synthetic.lch(0.3 + 0.5 * x / 300, 0.1, 250)));

    assertThat(c.monochrome()).isTrue();
    assertThat(c.harmony()).isEqualTo("monochromatic");
    assertThat(c.hueFamilies()).containsExactly("blue");
    assertThat(c.sepia()).isFalse();
  }

  @Test
  void oppositeHuesAreComplementary() {
    ColorAnalysis c =
        analyze(TestImages.rgb(300, 200, (x, y) -> Synthetic.lch(0.65, 0.12, x < 150 ? 40 : 220)));

    assertThat(c.harmony()).isEqualTo("complementary");
    assertThat(c.monochrome()).isFalse();
    assertThat(c.hueFamilies()).hasSize(2);
  }

  @Test
  void threeHuesAtOneHundredTwentyDegreesAreTriadic() {
    ColorAnalysis c =
        analyze(TestImages.rgb(300, 200, (x, y) -> Synthetic.lch(0.7, 0.1, 20 + 120 * (x / 100))));

    assertThat(c.harmony()).isEqualTo("triadic");
  }

  @Test
  void neighbouringHuesAreAnalogous() {
    ColorAnalysis c =
        analyze(TestImages.rgb(300, 200, (x, y) -> Synthetic.lch(0.7, 0.12, 100 + 70.0 * x / 300)));

    assertThat(c.harmony()).isEqualTo("analogous");
  }

  @Test
  void brownToneRampIsSepia() {
    ColorAnalysis c =
        analyze(
            TestImages.rgb(
                300,
                200,
                (x, y) -> Synthetic.lch(0.25 + 0.6 * x / 300, 0.06, HueHarmony.SEPIA_HUE)));

    assertThat(c.sepia()).isTrue();
    assertThat(c.monochrome()).isTrue();
    assertThat(c.grayscale()).isFalse();
  }

  @Test
  void gradientMapBetweenTwoHuesIsDuotone() {
    int dark = 0x1B1464;
    int light = 0xF7A8C0;
    float[] field = Synthetic.blocks(300, 200, 5, 11);
    BufferedImage image =
        TestImages.rgb(
            300,
            200,
            (x, y) -> {
              double t = (field[y * 300 + x] - 40) / 175.0;
              int rgb = 0;
              for (int shift = 16; shift >= 0; shift -= 8) {
                double a = (dark >> shift) & 0xFF;
                double b = (light >> shift) & 0xFF;
                rgb |= (int) Math.round(a + t * (b - a)) << shift;
              }
              return rgb;
            });

    assertThat(analyze(image).duotone()).isTrue();
    assertThat(analyze(TestImages.noisy(300, 200, 0x806040, 90, 3)).duotone()).isFalse();
  }

  @Test
  void grayImageHasNoHueFactsAndZeroColourfulness() {
    ColorAnalysis c = analyze(TestImages.rgb(200, 100, (x, y) -> (x % 256) * 0x010101));

    assertThat(c.hueFamilies()).isEmpty();
    assertThat(c.harmony()).isNull();
    assertThat(c.monochrome()).isFalse();
    assertThat(c.colorfulness()).isCloseTo(0, within(1e-9));
  }
}
