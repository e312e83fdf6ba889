package io.promptlens.core.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.analysis.Subject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromptCompilerTest {

  private final PromptCompiler compiler = new PromptCompiler();

  @Test
  void midjourneyPromptEndsWithTheMeasuredAspectRatio() {
    PromptResult result =
        compiler.compile(Fixtures.warmFox(), "midjourney", Mode.FULL, Controls.defaults());

    assertThat(result.prompt()).endsWith("--ar 3:2 --v 7");
    assertThat(result.parameters()).containsEntry("ar", "3:2");
    assertThat(result.negativePrompt()).isNull();
  }

  @Test
  void midjourneyDescribesSubjectMediumPaletteAndLight() {
    PromptResult result =
        compiler.compile(Fixtures.warmFox(), "midjourney", Mode.FULL, Controls.defaults());

    assertThat(result.prompt())
        .startsWith("A photograph of a red fox")
        .contains("warm tones", "burnt orange, navy blue and cream", "Low-key lighting");
  }

  @Test
  void midjourneyPutsTheAvoidListInNo() {
    Controls controls =
        new Controls(Detail.MEDIUM, false, true, null, null, List.of(), List.of("people", "text"));

    PromptResult result = compiler.compile(Fixtures.warmFox(), "mj", Mode.FULL, controls);

    assertThat(result.prompt()).endsWith("--no people, text");
    assertThat(result.target()).isEqualTo("midjourney");
  }

  @Test
  void sdxlWritesTagsAndANegativePromptWithTheMeasuredOpposites() {
    PromptResult result =
        compiler.compile(Fixtures.warmFox(), "sdxl", Mode.FULL, Controls.defaults());

    assertThat(result.prompt())
        .isEqualTo(
            "red fox, photograph, warm tones, vivid colors, burnt orange, navy blue, cream,"
                + " low-key lighting, high contrast, centered composition,"
                + " moody atmosphere");
    assertThat(result.negativePrompt()).startsWith("washed out, overexposed").contains("blurry");
    assertThat(result.parameters()).containsEntry("width", 1216).containsEntry("height", 832);
  }

  @Test
  void fluxHasNoNegativePromptAndWarnsAboutAnIgnoredAvoidList() {
    Controls controls =
        new Controls(Detail.MEDIUM, false, true, null, null, List.of(), List.of("people"));

    PromptResult result = compiler.compile(Fixtures.warmFox(), "flux", Mode.FULL, controls);

    assertThat(result.negativePrompt()).isNull();
    assertThat(result.prompt()).doesNotContain("people");
    assertThat(result.warnings()).anyMatch(w -> w.contains("ignored: people"));
    int width = (Integer) result.parameters().get("width");
    int height = (Integer) result.parameters().get("height");
    assertThat(width % 16).isZero();
    assertThat((double) width / height).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.02));
  }

  @Test
  void styleModeLeavesASubjectSlotAndDropsTheSubject() {
    PromptResult result =
        compiler.compile(Fixtures.warmFox(), "midjourney", Mode.STYLE, Controls.defaults());

    assertThat(result.prompt()).startsWith("{subject}, as a photograph").doesNotContain("fox");
  }

  @Test
  void subjectControlReplacesTheRecognisedSubject() {
    Controls controls =
        new Controls(Detail.MEDIUM, false, true, null, "a lighthouse", List.of(), List.of());

    PromptResult result = compiler.compile(Fixtures.warmFox(), "flux", Mode.FULL, controls);

    assertThat(result.prompt()).startsWith("A photograph of a lighthouse").doesNotContain("fox");
  }

  @Test
  void sdxlEditModeRecommendsADenoisingStrength() {
    PromptResult result =
        compiler.compile(Fixtures.warmFox(), "sdxl", Mode.EDIT, Controls.defaults());

    assertThat(result.parameters()).containsKey("denoisingStrength");
  }

  @Test
  void warnsWhenNoSubjectIsKnown() {
    ImageAnalysis noSubject =
        Fixtures.analysis(800, 800, true, Fixtures.warmFox().color().palette(), List.of());

    PromptResult result = compiler.compile(noSubject, "midjourney", Mode.FULL, Controls.defaults());

    assertThat(result.prompt())
        .startsWith("A photograph, in black and white")
        .endsWith("--ar 1:1 --v 7");
    assertThat(result.warnings()).contains(PromptCompiler.UNNAMED_SUBJECT);
  }

  @Test
  void aLabelWithNoLetterOrDigitIsNotASubject() {
    ImageAnalysis punctuation =
        Fixtures.analysis(
            800,
            800,
            true,
            Fixtures.warmFox().color().palette(),
            List.of(new Subject(":", 0.9, List.of(0.1, 0.1, 0.5, 0.5), "vlm")));

    PromptResult result =
        compiler.compile(punctuation, "midjourney", Mode.FULL, Controls.defaults());

    assertThat(result.prompt()).startsWith("A photograph, in black and white").doesNotContain(" :");
    assertThat(result.warnings()).contains(PromptCompiler.UNNAMED_SUBJECT);
  }

  @Test
  void trimsLowPriorityPhrasesToStayWithinSeventyFiveClipTokens() {
    List<String> keep = new ArrayList<>();
    // Each keep word is three real CLIP tokens (keep, word, a); twelve of them leave room.
    for (int i = 0; i < 12; i++) {
      keep.add("keepword" + (char) ('a' + i));
    }
    List<PaletteColor> palette = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      palette.add(
          new PaletteColor(
              "#10203" + i, "extraordinarily unusual colourname" + (char) ('a' + i), 0.12));
    }
    ImageAnalysis crowded = Fixtures.analysis(1000, 1000, false, palette, List.of());
    Controls controls = new Controls(Detail.LONG, true, true, null, null, keep, List.of());

    PromptResult result = compiler.compile(crowded, "sdxl", Mode.FULL, controls);

    assertThat(result.tokens()).isLessThanOrEqualTo(75);
    assertThat(ClipTokenizer.get().count(result.prompt())).isEqualTo(result.tokens());
    assertThat(result.prompt()).contains("keepworda", "keepwordl");
    assertThat(result.warnings())
        .anyMatch(w -> w.matches("trimmed \\d+ low-priority phrases? to fit 75 CLIP tokens"));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyModeCompilesForEveryTargetDeterministically(Mode mode) {
    for (TargetProfile target : compiler.targets().all()) {
      PromptResult first =
          compiler.compile(Fixtures.warmFox(), target.id(), mode, Controls.defaults());
      PromptResult second =
          compiler.compile(Fixtures.warmFox(), target.id(), mode, Controls.defaults());

      assertThat(first).isEqualTo(second);
      assertThat(first.prompt()).isNotBlank();
      assertThat(first.tokens()).isPositive();
    }
  }

  @Test
  void aspectOverrideWins() {
    Controls controls =
        new Controls(Detail.MEDIUM, false, true, "16:9", null, List.of(), List.of());

    PromptResult result = compiler.compile(Fixtures.warmFox(), "midjourney", Mode.FULL, controls);

    assertThat(result.prompt()).contains("--ar 16:9");
  }

  @ParameterizedTest
  @ValueSource(strings = {"wide", "16x9", "0:9", "16:"})
  void refusesMalformedAspectOverrides(String aspect) {
    Controls controls =
        new Controls(Detail.MEDIUM, false, true, aspect, null, List.of(), List.of());

    assertThatThrownBy(
            () -> compiler.compile(Fixtures.warmFox(), "midjourney", Mode.FULL, controls))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("W:H");
  }

  @Test
  void unknownTargetListsTheKnownOnes() {
    assertThatThrownBy(
            () -> compiler.compile(Fixtures.warmFox(), "dall-e-9", Mode.FULL, Controls.defaults()))
        .isInstanceOf(UnknownTargetException.class)
        .hasMessageContaining("midjourney, sd15, sdxl, pony, illustrious, sd35, flux");
  }

  @Test
  void modeParsingIsCaseInsensitiveAndExplainsMistakes() {
    assertThat(Mode.parse("Style")).isEqualTo(Mode.STYLE);
    assertThatThrownBy(() -> Mode.parse("remix"))
        .hasMessageContaining("full, style, edit or video");
  }
}
