package io.promptlens.core.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Edit, video, weights, lengths, variations and anatomy on the fixed analyses. */
class ModesAndControlsTest {

  private final PromptCompiler compiler = new PromptCompiler();

  private static final Controls LIGHTHOUSE =
      new Controls(Detail.MEDIUM, false, true, null, "a lighthouse", List.of(), List.of("people"));

  @ParameterizedTest
  @ValueSource(strings = {"flux-kontext", "gpt-image", "imagen"})
  void instructionEditorsGetAnInstruction(String target) {
    PromptResult result = compiler.compile(Fixtures.warmFox(), target, Mode.EDIT, LIGHTHOUSE);

    assertThat(result.prompt())
        .startsWith("Replace the red fox with a lighthouse.")
        .contains("Remove any people.", "Keep the composition, framing and camera angle unchanged");
    assertThat(result.negativePrompt()).isNull();
    assertThat(result.parameters()).doesNotContainKey("denoisingStrength");
  }

  @Test
  void anEditWithoutAChangeIsATemplateWithAnEditSlot() {
    PromptResult result =
        compiler.compile(Fixtures.warmFox(), "flux-kontext", Mode.EDIT, Controls.defaults());

    assertThat(result.prompt()).startsWith("Edit this photograph of a red fox: {edit}.");
    assertThat(result.warnings()).anyMatch(w -> w.contains("no change was asked"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sd15", "sdxl", "pony", "illustrious", "sd35"})
  void stableDiffusionEditsCarryADenoisingStrength(String target) {
    PromptResult replace = compiler.compile(Fixtures.warmFox(), target, Mode.EDIT, LIGHTHOUSE);
    PromptResult restyle =
        compiler.compile(Fixtures.warmFox(), target, Mode.EDIT, Controls.defaults());

    assertThat(replace.prompt()).contains("a lighthouse").doesNotContain("fox");
    assertThat(replace.parameters()).containsEntry("denoisingStrength", 0.55);
    assertThat(restyle.parameters()).containsEntry("denoisingStrength", 0.35);
  }

  @Test
  void runwayVideoDescribesMotionOnlyAndTheSubjectInGeneralTerms() {
    PromptResult result =
        compiler.compile(Fixtures.rainyStreet(), "runway", Mode.VIDEO, Controls.defaults());

    assertThat(result.prompt())
        .isEqualTo(
            "The camera pans slowly to the left. The subject breathes and blinks naturally."
                + " Rain falls steadily. Slow, calm pacing.");
    assertThat(result.parameters()).containsEntry("duration", 5).containsEntry("ratio", "1280:720");
  }

  @Test
  void aCentredSubjectWithShallowFocusGetsASlowPushIn() {
    var fox = Fixtures.warmFox();
    var shallow =
        io.promptlens.core.analysis.ImageAnalysis.builder()
            .schemaVersion(fox.schemaVersion())
            .image(fox.image())
            .color(fox.color())
            .light(fox.light())
            .medium(fox.medium())
            .focus(
                io.promptlens.core.analysis.Focus.of(
                    0.9, io.promptlens.core.analysis.DepthOfField.SHALLOW))
            .composition(
                io.promptlens.core.analysis.Composition.of(
                    io.promptlens.core.analysis.SubjectPosition.CENTER,
                    io.promptlens.core.analysis.ShotScale.CLOSE_UP))
            .subjects(fox.subjects())
            .scene(fox.scene())
            .people(fox.people())
            .text(fox.text())
            .notes(fox.notes())
            .provenance(fox.provenance())
            .build();

    PromptResult hailuo = compiler.compile(shallow, "hailuo", Mode.VIDEO, Controls.defaults());

    assertThat(hailuo.prompt()).startsWith("[Push in] A red fox");
    assertThat(hailuo.anatomy())
        .anyMatch(s -> s.text().equals("[Push in]") && s.source().equals("focus.depthOfField"));
    assertThat(hailuo.parameters()).containsEntry("duration", 6);
  }

  @Test
  void unknownCompositionDefaultsToAPushInAndSaysSo() {
    PromptResult result =
        compiler.compile(Fixtures.unknownPortrait(), "kling", Mode.VIDEO, Controls.defaults());

    assertThat(result.prompt()).contains("The camera slowly pushes in.");
    assertThat(result.warnings()).anyMatch(w -> w.contains("default slow push-in"));
  }

  @Test
  void everyVideoDurationIsOneTheTargetOffers() {
    for (TargetProfile target : compiler.targets().all()) {
      if (target.kind() == TargetKind.VIDEO) {
        PromptResult result =
            compiler.compile(Fixtures.warmFox(), target.id(), Mode.VIDEO, Controls.defaults());
        assertThat(target.video().durations())
            .contains((Integer) result.parameters().get("duration"));
      }
    }
  }

  @Test
  void weightsAreOnlyWrittenWhenAskedAndOnlyForStableDiffusion() {
    Controls weighted = Controls.defaults().withWeights(true);

    assertThat(compiler.compile(Fixtures.warmFox(), "sdxl", Mode.FULL, weighted).prompt())
        .startsWith("(red fox:1.2), photograph");
    assertThat(compiler.compile(Fixtures.warmFox(), "flux", Mode.FULL, weighted).prompt())
        .doesNotContain(":1.2");
  }

  @Test
  void paletteHexCodesInTagsCarryNoParentheses() {
    Controls hex = new Controls(Detail.MEDIUM, true, true, null, null, List.of(), List.of());

    assertThat(compiler.compile(Fixtures.warmFox(), "sdxl", Mode.FULL, hex).prompt())
        .contains("burnt orange #CC5500")
        .doesNotContain("(");
    assertThat(compiler.compile(Fixtures.warmFox(), "flux", Mode.FULL, hex).prompt())
        .contains("burnt orange (#CC5500)");
  }

  @Test
  void cameraTermsCanBeSwitchedOff() {
    Controls off = Controls.defaults().withCameraTerms(false);

    assertThat(compiler.compile(Fixtures.rainyStreet(), "flux", Mode.FULL, off).prompt())
        .doesNotContain("shot", "depth of field", "composition");
  }

  @Test
  void aLowerMaximumLengthTrimsAndSaysHow() {
    PromptResult result =
        compiler.compile(
            Fixtures.rainyStreet(), "dalle3", Mode.FULL, Controls.defaults().withMaxLength(120));

    assertThat(result.prompt().length()).isLessThanOrEqualTo(120);
    assertThat(result.prompt()).startsWith("A photograph of a woman with an umbrella");
    assertThat(result.warnings())
        .anyMatch(w -> w.matches("trimmed \\d+ low-priority phrases to fit 120 characters"));
  }

  @Test
  void variationsAreDistinctAndReproducible() {
    Controls three = Controls.defaults().withVariations(3, 7);

    List<PromptResult> first =
        compiler.compileVariations(Fixtures.warmFox(), "flux", Mode.FULL, three);
    List<PromptResult> again =
        compiler.compileVariations(Fixtures.warmFox(), "flux", Mode.FULL, three);
    List<PromptResult> otherSeed =
        compiler.compileVariations(
            Fixtures.warmFox(), "flux", Mode.FULL, Controls.defaults().withVariations(3, 8));

    assertThat(first).hasSize(3).isEqualTo(again);
    assertThat(first.stream().map(PromptResult::prompt).distinct()).hasSize(3);
    assertThat(first.get(0).prompt())
        .isEqualTo(compiler.compile(Fixtures.warmFox(), "flux", Mode.FULL, three).prompt());
    assertThat(otherSeed.subList(1, 3)).isNotEqualTo(first.subList(1, 3));
  }

  @Test
  void anatomyMapsEachPhraseToItsAnalysisField() {
    PromptResult result =
        compiler.compile(Fixtures.warmFox(), "midjourney", Mode.FULL, Controls.defaults());

    assertThat(result.anatomy())
        .contains(
            new PhraseSpan("a red fox", "subject.named", 16, 25),
            new PhraseSpan("burnt orange", "color.palette[0]", 77, 89));
    for (PhraseSpan span : result.anatomy()) {
      assertThat(result.prompt().substring(span.start(), span.end())).isEqualTo(span.text());
    }
  }

  @Test
  void theSevenArgumentFormsStillWork() {
    Controls old =
        new Controls(Detail.LONG, true, false, "4:5", "a cat", List.of("x"), List.of("y"));
    PromptResult plain =
        new PromptResult("t", Mode.FULL, "p", null, java.util.Map.of(), List.of(), 1);

    assertThat(old.cameraTerms()).isTrue();
    assertThat(old.weights()).isFalse();
    assertThat(old.variations()).isEqualTo(1);
    assertThat(plain.anatomy()).isEmpty();
  }

  @Test
  void aLengthLimitTooSmallForAnyPromptIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Controls.defaults().withMaxLength(Controls.MIN_MAX_LENGTH - 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least " + Controls.MIN_MAX_LENGTH);
  }

  @Test
  void theSmallestAllowedLimitStillGivesAPrompt() {
    for (Mode mode : Mode.values()) {
      PromptResult result =
          new PromptCompiler()
              .compile(
                  Fixtures.warmFox(),
                  "runway",
                  mode,
                  Controls.defaults().withMaxLength(Controls.MIN_MAX_LENGTH));

      org.assertj.core.api.Assertions.assertThat(result.prompt()).isNotBlank();
      org.assertj.core.api.Assertions.assertThat(result.prompt().length())
          .isLessThanOrEqualTo(Controls.MIN_MAX_LENGTH);
    }
  }
}
