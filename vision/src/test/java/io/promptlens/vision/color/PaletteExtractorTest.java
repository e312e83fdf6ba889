package io.promptlens.vision.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.vision.TestImages;
import io.promptlens.vision.measure.PixelSample;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteExtractorTest {

  private final PaletteExtractor extractor = new PaletteExtractor(ColorNames.xkcd());

  @Test
  void twoFlatColoursGiveExactlyThoseTwoWithTheirShares() {
    PixelSample sample =
        PixelSample.of(TestImages.rgb(500, 300, (x, y) -> x < 300 ? 0xFF0000 : 0x0000FF));

    List<PaletteColor> palette = extractor.extract(sample);

    assertThat(palette).hasSize(2);
    assertThat(palette.get(0).hex()).isEqualTo("#FF0000");
    assertThat(palette.get(0).share()).isCloseTo(0.6, within(0.01));
    assertThat(palette.get(0).name()).contains("red");
    assertThat(palette.get(1).hex()).isEqualTo("#0000FF");
    assertThat(palette.get(1).share()).isCloseTo(0.4, within(0.01));
    assertThat(palette.get(1).name()).contains("blue");
  }

  @Test
  void aSwatchIsTheClustersMostFrequentColourNotItsMuddyMean() {
    // A blood-red wall (70 %) with a spread of duller, darker red shadows in the same cluster: the
    // mean would be a browner red than any large area of the picture.
    int red = 0xB01818;
    int[] shadows = {0x9C2018, 0xA02418, 0xA02010, 0x9A1C14};
    PixelSample sample =
        PixelSample.of(
            TestImages.rgb(
                500, 200, (x, y) -> y < 140 ? red : shadows[(x / 7 + y) % shadows.length]));

    List<PaletteColor> palette = extractor.extract(sample);

    assertThat(palette.get(0).share()).isGreaterThan(0.95);
    assertThat(palette.get(0).hex()).isEqualTo("#B01818");
  }

  @Test
  void nearDuplicateShadesMergeAndSpecksAreDropped() {
    // Two greens 1 code value apart, and a 0.5 % white speck.
    PixelSample sample =
        PixelSample.of(
            TestImages.rgb(200, 200, (x, y) -> y < 1 ? 0xFFFFFF : x < 100 ? 0x208020 : 0x218121));

    List<PaletteColor> palette = extractor.extract(sample);

    assertThat(palette).hasSize(1);
    assertThat(palette.get(0).share()).isEqualTo(1.0);
  }

  @Test
  void manyColoursAreCappedAtEightOrderedByShareSummingToOne() {
    int[] hues = {
      0xE6194B, 0x3CB44B, 0xFFE119, 0x4363D8, 0xF58231, 0x911EB4, 0x46F0F0, 0xF032E6, 0xBCF60C,
      0x008080, 0x9A6324, 0x800000
    };
    PixelSample sample =
        PixelSample.of(TestImages.rgb(1200, 100, (x, y) -> hues[x * hues.length / 1200]));

    List<PaletteColor> palette = extractor.extract(sample);

    assertThat(palette).hasSizeLessThanOrEqualTo(PaletteExtractor.MAX_COLORS).hasSizeGreaterThan(4);
    assertThat(palette.stream().mapToDouble(PaletteColor::share).sum()).isCloseTo(1, within(0.01));
    for (int i = 1; i < palette.size(); i++) {
      assertThat(palette.get(i).share()).isLessThanOrEqualTo(palette.get(i - 1).share());
    }
  }

  @Test
  void sameSampleGivesTheSamePalette() {
    PixelSample sample = PixelSample.of(TestImages.noisy(640, 480, 0x7FA050, 80, 42));

    assertThat(extractor.extract(sample)).isEqualTo(extractor.extract(sample));
  }
}
