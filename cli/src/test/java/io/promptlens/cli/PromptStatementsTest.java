package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.compiler.PhraseSpan;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PromptStatementsTest {

  private static final JsonNode ANALYSIS =
      JsonMapper.builder()
          .build()
          .readTree(
              """
              {"scene": {"labels": [{"label": "indoor", "confidence": 0.55},
                                    {"label": "water", "confidence": 0.3}]},
               "subjects": [{"label": "cup", "confidence": 0.8, "box": [0.1, 0.1, 0.5, 0.5]},
                            {"label": "clock", "confidence": 0.2, "box": [0, 0, 0.1, 0.1]}],
               "light": {"timeOfDay": "golden hour", "timeOfDayConfidence": 0.7}}
              """);

  private static PhraseSpan span(String text, String source) {
    return new PhraseSpan(text, source, 0, text.length());
  }

  @Test
  void saidPhrasesCarryTheAnalysisConfidence() {
    PromptStatements read =
        PromptStatements.of(
            List.of(
                span("a cup", "subjects[0].label"),
                span("golden hour light", "light.timeOfDay"),
                span("an indoor setting", "scene.labels[0]")),
            ANALYSIS);

    assertThat(read.statements().subList(0, 3))
        .containsExactly(
            new Statement("objects", "cup", "a cup", "subjects[0].label", true, 0.8),
            new Statement("golden_hour", "true", "golden hour light", "light.timeOfDay", true, 0.7),
            new Statement("indoor", "true", "an indoor setting", "scene.labels[0]", true, 0.55));
  }

  @Test
  void labelsThePromptLeftOutAreCandidatesNotSaid() {
    PromptStatements read =
        PromptStatements.of(List.of(span("a cup", "subjects[0].label")), ANALYSIS);

    assertThat(read.statements())
        .contains(
            new Statement("water", "true", "water", "scene.labels[1]", false, 0.3),
            new Statement("objects", "clock", "clock", "subjects[1].label", false, 0.2))
        .doesNotContain(new Statement("objects", "cup", "cup", "subjects[0].label", false, 0.8));
  }

  @Test
  void theSubjectMayFollowTheMediumButNothingElse() {
    assertThat(
            PromptStatements.subjectFirst(
                List.of(span("photograph", "medium.label"), span("a cup", "subjects[0].label"))))
        .isTrue();
    assertThat(
            PromptStatements.subjectFirst(
                List.of(
                    span("photograph", "medium.label"),
                    span("warm tones", "color.temperature"),
                    span("a cup", "subjects[0].label"))))
        .isFalse();
  }

  @Test
  void unreadablePhrasesAreListedAsUnscoredKinds() {
    PromptStatements read =
        PromptStatements.of(List.of(span("a large orange form", "subject.shape")), ANALYSIS);

    assertThat(read.unscoredKinds()).containsExactly("subject.shape");
  }
}
