package io.promptlens.vision.light;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.promptlens.core.analysis.Contrast;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.vision.TestImages;
import io.promptlens.vision.measure.PixelSample;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class LightAnalyzerTest {

  private final LightAnalyzer analyzer = new LightAnalyzer();

  private LightAnalysis analyze(BufferedImage image) {
    return analyzer.analyze(PixelSample.of(image));
  }

  @Test
  void mostlyDarkImageIsLowKey() {
    LightAnalysis light =
        analyze(TestImages.rgb(200, 100, (x, y) -> x < 160 ? 0x141414 : 0xF0F0F0));

    assertThat(light.key()).isEqualTo(LightKey.LOW);
  }

  @Test
  void mostlyBrightImageIsHighKey() {
    LightAnalysis light =
        analyze(TestImages.rgb(200, 100, (x, y) -> x < 160 ? 0xF2F2F2 : 0x202020));

    assertThat(light.key()).isEqualTo(LightKey.HIGH);
  }

  @Test
  void midGrayIsMidKeyLowContrast() {
    LightAnalysis light = analyze(TestImages.noisy(300, 200, 0x808080, 4, 11));

    assertThat(light.key()).isEqualTo(LightKey.MID);
    assertThat(light.contrast()).isEqualTo(Contrast.LOW);
    assertThat(light.rmsContrast()).isLessThan(0.02);
    // sRGB 128 is 21.6 % of white in linear light.
    assertThat(light.meanLuminance()).isCloseTo(0.216, within(0.01));
  }

  @Test
  void halfBlackHalfWhiteIsHighContrast() {
    LightAnalysis light =
        analyze(TestImages.rgb(200, 100, (x, y) -> x < 100 ? 0x000000 : 0xFFFFFF));

    assertThat(light.contrast()).isEqualTo(Contrast.HIGH);
    assertThat(light.rmsContrast()).isCloseTo(0.5, within(0.001));
    assertThat(light.meanLuminance()).isCloseTo(0.5, within(0.001));
  }

  @Test
  void twoTonesOneStopEitherSideOfMiddleGrayAreMediumContrast() {
    // 18 % × 2^±1.5 in linear light: just inside the medium band.
    int dark = gray(0.18 / Math.pow(2, 1.5));
    int bright = gray(0.18 * Math.pow(2, 1.5));
    LightAnalysis light = analyze(TestImages.rgb(200, 100, (x, y) -> x < 100 ? dark : bright));

    assertThat(light.contrast()).isEqualTo(Contrast.MEDIUM);
  }

  @Test
  void contrastBandsComeFromTheZoneSystem() {
    assertThat(LightAnalyzer.LOW_CONTRAST_BELOW).isCloseTo(0.132, within(0.001));
    assertThat(LightAnalyzer.HIGH_CONTRAST_FROM).isCloseTo(0.270, within(0.001));
  }

  /** The sRGB gray whose linear luminance is closest to {@code y}. */
  private static int gray(double y) {
    double v = y <= 0.0031308 ? 12.92 * y : 1.055 * Math.pow(y, 1 / 2.4) - 0.055;
    int c = (int) Math.round(v * 255);
    return c << 16 | c << 8 | c;
  }
}
