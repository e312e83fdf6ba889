package io.promptlens.app.generations;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.generations.GenerationResponse.AnalysisSummary;
import io.promptlens.app.generations.GenerationResponse.Box;
import io.promptlens.core.analysis.ImageFormat;
import io.promptlens.core.analysis.Orientation;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.TargetProfile;
import io.promptlens.core.compiler.TargetRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the workbench shows of a generation, decided on the server instead of in the script. */
class WorkbenchResultTests {

  static final TargetRegistry TARGETS = TargetRegistry.builtIn();
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String UNNAMED = "the subject is not named: the prompt describes what was measured";

  @Test
  void aCharacterLimitedTargetCountsTheCharactersOfThePrompt() {
    GenerationResponse g = generation("midjourney", Mode.FULL, "a lighthouse", null, List.of());

    WorkbenchResult result = WorkbenchResult.of(g, TARGETS.require("midjourney"), JSON);

    TargetProfile midjourney = TARGETS.require("midjourney");
    assertThat(result.meta())
        .isEqualTo(
            "· "
                + g.prompt().length()
                + " / "
                + midjourney.maxLength()
                + " characters · "
                + midjourney.name());
  }

  @Test
  void aClipTargetShowsTheCompilersTokenCount() {
    GenerationResponse g = generation("sdxl", Mode.FULL, "a lighthouse", null, List.of());

    WorkbenchResult result = WorkbenchResult.of(g, TARGETS.require("sdxl"), JSON);

    assertThat(result.meta()).startsWith("· 17 / ").contains(" CLIP tokens · ");
  }

  @Test
  void anUnnamedSubjectIsAskedForAndItsWarningIsNotPrintedTwice() {
    GenerationResponse g = generation("midjourney", Mode.FULL, null, null, List.of());

    WorkbenchResult result = WorkbenchResult.of(g, TARGETS.require("midjourney"), JSON);

    assertThat(result.asksForSubject()).isTrue();
    assertThat(result.warnings()).containsExactly("another warning");
  }

  @Test
  void aStyleTemplateNeverAsksAndKeepsTheWarning() {
    GenerationResponse g = generation("midjourney", Mode.STYLE, null, null, List.of());

    WorkbenchResult result = WorkbenchResult.of(g, TARGETS.require("midjourney"), JSON);

    assertThat(result.asksForSubject()).isFalse();
    assertThat(result.warnings()).containsExactly(UNNAMED, "another warning");
  }

  @Test
  void aSubjectGivenInTheControlsIsNotAskedFor() {
    GenerationResponse g = generation("midjourney", Mode.FULL, null, "a red fox", List.of());

    assertThat(WorkbenchResult.of(g, TARGETS.require("midjourney"), JSON).asksForSubject())
        .isFalse();
  }

  @Test
  void withoutANamedSubjectTheDetectorsBoxesAreGuesses() {
    Box orange = new Box("orange", 0.4, List.of(0.1, 0.2, 0.3, 0.4));
    GenerationResponse g = generation("midjourney", Mode.FULL, null, null, List.of(orange));

    WorkbenchResult.Overlay overlay =
        WorkbenchResult.of(g, TARGETS.require("midjourney"), JSON).overlay();

    assertThat(overlay.guesses()).isTrue();
    assertThat(overlay.subjects())
        .containsExactly(
            new WorkbenchResult.Shape(
                "overlay-box subject-box", "guess: orange 40%", 10, 20, 30, 40));
    assertThat(overlay.caption())
        .isEqualTo(
            "Subject position: not measured. No detection was confident enough to name the"
                + " subject; the detector's guesses: orange 40%.");
  }

  @Test
  void aNamedSubjectsBoxesAreDetectionsAndABoxPastTheEdgeIsCutAtIt() {
    Box fox = new Box("fox", 0.9, List.of(0.8, 0.5, 0.5, 0.2));
    GenerationResponse g = generation("midjourney", Mode.FULL, "a fox", null, List.of(fox));

    WorkbenchResult.Overlay overlay =
        WorkbenchResult.of(g, TARGETS.require("midjourney"), JSON).overlay();

    assertThat(overlay.guesses()).isFalse();
    WorkbenchResult.Shape box = overlay.subjects().get(0);
    assertThat(box.label()).isEqualTo("fox 90%");
    assertThat(box.left() + box.width()).isEqualTo(100, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(overlay.caption()).contains("Subject: a fox.", "Detected: fox 90%.");
  }

  @Test
  void theAnswerIsTheApisJsonOfTheSameGeneration() {
    GenerationResponse g = generation("midjourney", Mode.FULL, "a lighthouse", null, List.of());

    WorkbenchResult result = WorkbenchResult.of(g, TARGETS.require("midjourney"), JSON);

    assertThat(JSON.readTree(result.answer()).get("id").asString()).isEqualTo(g.id().toString());
    assertThat(JSON.readTree(result.answer()).get("prompt").asString()).isEqualTo(g.prompt());
  }

  static GenerationResponse generation(
      String target,
      Mode mode,
      @Nullable String subjectNamed,
      @Nullable String givenSubject,
      List<Box> subjects) {
    ControlsRequest controls =
        new ControlsRequest(
            null, null, null, null, givenSubject, null, null, null, null, null, null);
    AnalysisSummary summary =
        new AnalysisSummary(
            UUID.randomUUID(),
            640,
            360,
            ImageFormat.PNG,
            Orientation.LANDSCAPE,
            "16:9",
            List.of(new PaletteColor("#D93A2B", "red", 0.5)),
            List.of("a note"),
            null,
            null,
            subjects,
            List.of(),
            List.of(),
            subjectNamed,
            null);
    return new GenerationResponse(
        UUID.randomUUID(),
        summary.id(),
        target,
        mode,
        "a red lighthouse on a cliff, oil painting",
        null,
        Map.of("ar", "16:9"),
        List.of(UNNAMED, "another warning"),
        GenerationResponse.Display.SHARP,
        17,
        controls.toControls(),
        Instant.parse("2026-12-05T12:00:00Z"),
        summary,
        List.of());
  }
}
