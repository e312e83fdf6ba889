package io.promptlens.app.presets;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.Contrast;
import io.promptlens.core.analysis.Focus;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.ImageFormat;
import io.promptlens.core.analysis.ImageInfo;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Saturation;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.ShotScale;
import io.promptlens.core.analysis.SubjectPosition;
import io.promptlens.core.analysis.Temperature;
import io.promptlens.core.analysis.TextContent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The on-style score on hand-made analyses with known answers. */
class StyleScoreTests {

  static final StyleSpec BRAND =
      new StyleSpec(
              List.of(new StyleSpec.Swatch("#D93A2B", 0.6), new StyleSpec.Swatch("#1F4EA8", 0.4)),
              "high",
              "medium",
              "photo",
              "85mm lens",
              "left third",
              List.of("optimistic"),
              List.of("text"))
          .validated();

  static ImageAnalysis image(
      List<PaletteColor> palette,
      LightKey key,
      Contrast contrast,
      MediumLabel medium,
      SubjectPosition at) {
    return ImageAnalysis.builder()
        .image(ImageInfo.of(800, 600, ImageFormat.PNG))
        .color(ColorAnalysis.of(false, palette, Temperature.WARM, Saturation.VIVID, 0.1, 1))
        .light(LightAnalysis.of(key, contrast, 0.5, 0.2, 1))
        .medium(Medium.of(medium, 1))
        .focus(Focus.unknown())
        .composition(Composition.of(at, ShotScale.MEDIUM))
        .subjects(List.of())
        .scene(Scene.empty())
        .people(People.none())
        .text(TextContent.none())
        .notes(List.of())
        .provenance(List.of())
        .build();
  }

  static final List<PaletteColor> ON_BRAND =
      List.of(new PaletteColor("#D93A2B", "red", 0.6), new PaletteColor("#1F4EA8", "blue", 0.4));

  @Test
  void anImageWithTheBrandsStyleScores100AndHasNoDifferences() {
    StyleScore.Result result =
        StyleScore.score(
            BRAND,
            image(
                ON_BRAND,
                LightKey.HIGH,
                Contrast.MEDIUM,
                MediumLabel.PHOTO,
                SubjectPosition.LEFT_THIRD));

    assertThat(result.score()).isEqualTo(100);
    assertThat(result.differences()).isEmpty();
  }

  @Test
  void theLargestDifferenceIsListedFirst() {
    List<PaletteColor> green =
        List.of(
            new PaletteColor("#2E8B57", "green", 0.7), new PaletteColor("#F2C12E", "yellow", 0.3));

    StyleScore.Result result =
        StyleScore.score(
            BRAND,
            image(
                green,
                LightKey.MID,
                Contrast.MEDIUM,
                MediumLabel.PHOTO,
                SubjectPosition.LEFT_THIRD));

    assertThat(result.score()).isBetween(20, 60);
    assertThat(result.differences()).hasSize(2);
    assertThat(result.differences().get(0)).startsWith("palette:").contains("#D93A2B");
    assertThat(result.differences().get(1))
        .isEqualTo("light key: the style wants high, the image is mid");
  }

  @Test
  void whatTheImageCouldNotMeasureDoesNotCount() {
    StyleScore.Result result =
        StyleScore.score(
            BRAND, image(ON_BRAND, LightKey.UNKNOWN, Contrast.UNKNOWN, MediumLabel.UNKNOWN, null));

    assertThat(result.score()).isEqualTo(100);
    assertThat(result.parts()).extracting(StyleScore.Part::name).containsExactly("palette");
  }

  @Test
  void oppositeLightAndAnotherMediumCostTheirFullWeight() {
    StyleScore.Result result =
        StyleScore.score(
            BRAND,
            image(
                ON_BRAND,
                LightKey.LOW,
                Contrast.MEDIUM,
                MediumLabel.ILLUSTRATION,
                SubjectPosition.LEFT_THIRD));

    // palette 40 + contrast 15 + composition 15 of 100.
    assertThat(result.score()).isEqualTo(70);
  }
}
