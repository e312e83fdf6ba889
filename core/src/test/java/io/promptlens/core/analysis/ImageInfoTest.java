package io.promptlens.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageInfoTest {

  @ParameterizedTest
  @CsvSource({
    "1920, 1080, 16:9, landscape",
    "1080, 1920, 9:16, portrait",
    "6000, 4000, 3:2, landscape",
    "4000, 6000, 2:3, portrait",
    "1024, 768, 4:3, landscape",
    "2560, 1080, 21:9, landscape",
    "1000, 1000, 1:1, square",
    "1000, 981, 1:1, square",
    "1000, 970, 1:1, landscape",
    "1280, 1024, 5:4, landscape",
    "1080, 1350, 4:5, portrait"
  })
  void derivesTheNearestCommonRatioAndOrientation(
      int width, int height, String ratio, String orientation) {
    ImageInfo info = ImageInfo.of(width, height, ImageFormat.PNG);

    assertThat(info.aspectRatio()).isEqualTo(ratio);
    assertThat(info.orientation()).hasToString(orientation);
  }

  @ParameterizedTest
  @CsvSource({"1000, 970", "970, 1000"})
  void isNotSquareBeyondTwoPercent(int width, int height) {
    assertThat(Orientation.of(width, height)).isNotEqualTo(Orientation.SQUARE);
  }

  @ParameterizedTest
  @CsvSource({"0, 10", "10, -1"})
  void refusesEmptySizes(int width, int height) {
    assertThatThrownBy(() -> ImageInfo.of(width, height, ImageFormat.JPEG))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"16:9, 1.7777", "2:3, 0.6666"})
  void parsesRatios(String ratio, double value) {
    assertThat(AspectRatios.value(ratio))
        .isCloseTo(value, org.assertj.core.data.Offset.offset(1e-3));
  }
}
