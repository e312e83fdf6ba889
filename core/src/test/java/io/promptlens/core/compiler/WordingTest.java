package io.promptlens.core.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.TextContent;
import io.promptlens.core.compiler.TargetProfile.Syntax;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordingTest {

  @ParameterizedTest
  @CsvSource({
    "3D render, a",
    "illustration, an",
    "oil painting, an",
    "8-bit sprite, an",
    "unicorn, a",
    "European street, a",
    "photograph, a"
  })
  void picksTheArticleBySound(String word, String article) {
    assertThat(NaturalRenderer.article(word)).isEqualTo(article);
  }

  @ParameterizedTest
  @CsvSource({
    "outdoor, NATURAL, an outdoor setting",
    "outdoor, TAGS, outdoors",
    "indoor, TAGS, indoors",
    "vegetation, NATURAL, vegetation"
  })
  void sceneLabelsBecomeNounPhrasesInSentencesAndBooruTagsInTagPrompts(
      String label, Syntax syntax, String expected) {
    assertThat(PhraseExtractor.sceneText(label, syntax)).isEqualTo(expected);
  }

  @Test
  void withDetectorClassesOnlyThePeopleLeadAndCountedLabelsGetArticlesAndNumberWords() {
    ImageAnalysis base =
        Fixtures.analysis(
            1600,
            1000,
            false,
            Fixtures.warmFox().color().palette(),
            List.of(
                new Subject("person", 0.9, List.of(0.1, 0.1, 0.3, 0.8), "vision.neural.centernet"),
                new Subject("dog", 0.7, List.of(0.6, 0.5, 0.3, 0.4), "vision.neural.centernet"),
                new Subject(
                    "person", 0.8, List.of(0.4, 0.1, 0.25, 0.8), "vision.neural.centernet")));
    ImageAnalysis twoPeople = withPeople(base, 2);

    PromptResult result =
        new PromptCompiler().compile(twoPeople, "flux", Mode.FULL, Controls.defaults());

    // Was "A photograph of 2 people and a sports ball": digits and the detector's bare classes.
    assertThat(result.prompt()).startsWith("A photograph of two people and a dog");
    assertThat(result.prompt()).doesNotContain("person");
  }

  @Test
  void onlyLegibleTextIsQuotedAndLongTextIsCut() {
    TextContent text =
        new TextContent(
            "OPEN fine print",
            List.of(
                new TextContent.Line("OPEN", 0.95, List.of(0.1, 0.1, 0.3, 0.08)),
                new TextContent.Line("fine print", 0.97, List.of(0.1, 0.9, 0.2, 0.01)),
                new TextContent.Line("?", 0.99, List.of(0.5, 0.5, 0.05, 0.1)),
                new TextContent.Line("Blurry", 0.6, List.of(0.5, 0.6, 0.2, 0.1))));
    String page = "one two three four five six seven eight nine ten eleven twelve thirteen";

    assertThat(PhraseExtractor.legibleText(text)).isEqualTo("OPEN");
    assertThat(PhraseExtractor.legibleText(new TextContent(page, List.of())))
        .isEqualTo("one two three four five six seven eight nine ten eleven twelve…");
  }

  private static ImageAnalysis withPeople(ImageAnalysis a, int count) {
    return ImageAnalysis.builder()
        .schemaVersion(a.schemaVersion())
        .image(a.image())
        .color(a.color())
        .light(a.light())
        .medium(a.medium())
        .focus(a.focus())
        .composition(a.composition())
        .subjects(a.subjects())
        .scene(a.scene())
        .people(new People(count, List.of()))
        .text(a.text())
        .notes(a.notes())
        .provenance(a.provenance())
        .build();
  }

  @Test
  void finerMeasuredFactsBecomeTheWordsModelsKnow() {
    ImageAnalysis fox = Fixtures.warmFox();
    ImageAnalysis rich =
        ImageAnalysis.builder()
            .schemaVersion(fox.schemaVersion())
            .image(fox.image())
            .color(fox.color())
            .light(
                Fixtures.withCues(
                        fox,
                        true,
                        false,
                        io.promptlens.core.analysis.LightHardness.SOFT,
                        io.promptlens.core.analysis.TimeOfDay.GOLDEN_HOUR,
                        0.8,
                        0.85,
                        null)
                    .light())
            .medium(fox.medium())
            .focus(
                new io.promptlens.core.analysis.Focus(
                    0.4,
                    io.promptlens.core.analysis.DepthOfField.SHALLOW,
                    0.95,
                    true,
                    true,
                    io.promptlens.core.analysis.MotionDirection.HORIZONTAL,
                    1.0,
                    false,
                    null,
                    false,
                    0.8,
                    0.0,
                    0.8,
                    0.95,
                    0.9))
            .composition(
                new io.promptlens.core.analysis.Composition(
                    io.promptlens.core.analysis.SubjectPosition.CENTER,
                    io.promptlens.core.analysis.ShotScale.MEDIUM,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    io.promptlens.core.analysis.CameraAngle.LOW_ANGLE,
                    0.7,
                    0.7,
                    null,
                    null))
            .subjects(fox.subjects())
            .scene(fox.scene())
            .people(fox.people())
            .text(fox.text())
            .notes(fox.notes())
            .provenance(fox.provenance())
            .build();

    String withCamera =
        new PromptCompiler().compile(rich, "sdxl", Mode.FULL, Controls.defaults()).prompt();
    String withoutCamera =
        new PromptCompiler()
            .compile(rich, "sdxl", Mode.FULL, Controls.defaults().withCameraTerms(false))
            .prompt();

    // Each is said only at its row of StatementThresholds: bokeh and depth of field clear theirs;
    // motion blur, golden hour, backlight and camera angle come from cues whose rows are off.
    assertThat(withCamera).contains("bokeh", "shallow depth of field");
    assertThat(withCamera)
        .doesNotContain(
            "eye level", "film grain", "low angle", "golden hour", "backlit", "motion blur");
    assertThat(withoutCamera).doesNotContain("bokeh", "motion blur", "golden hour");
  }
}
