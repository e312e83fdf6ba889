package io.promptlens.app.generations;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.analyses.StoredAnalysis;
import io.promptlens.app.generations.GenerationResponse.AnalysisSummary;
import io.promptlens.app.generations.GenerationResponse.Box;
import io.promptlens.app.support.TestAnalyses;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Safety;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.TextContent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The summary carries what the home page draws over the picture. */
class AnalysisSummaryTests {

  @Test
  void boxesAndTheSubjectPositionComeFromTheAnalysis() {
    Composition composition =
        Composition.of(
                io.promptlens.core.analysis.SubjectPosition.LEFT_THIRD,
                io.promptlens.core.analysis.ShotScale.MEDIUM)
            .withSubject(List.of(0.2, 0.3, 0.25, 0.4), 0.1);
    var analysis =
        TestAnalyses.of(
            composition,
            List.of(new Subject("cat", 0.91, List.of(0.1, 0.2, 0.3, 0.4), "objects")),
            new People(
                1, List.of(new People.Face(List.of(0.5, 0.1, 0.1, 0.1), 0.8, "20-30", "happy"))),
            new TextContent(
                "SALE", List.of(new TextContent.Line("SALE", 0.99, List.of(0.6, 0.8, 0.2, 0.05)))),
            Safety.unknown());

    AnalysisSummary summary =
        AnalysisSummary.of(new StoredAnalysis(UUID.randomUUID(), analysis, "sha", Instant.now()));

    assertThat(summary.subjectPosition()).hasToString("left third");
    assertThat(summary.subjectBox()).containsExactly(0.2, 0.3, 0.25, 0.4);
    assertThat(summary.subjects())
        .containsExactly(new Box("cat", 0.91, List.of(0.1, 0.2, 0.3, 0.4)));
    assertThat(summary.faces())
        .singleElement()
        .extracting(Box::label)
        .isEqualTo("face · 20-30 · happy");
    assertThat(summary.textLines()).extracting(Box::label).containsExactly("SALE");
  }

  @Test
  void nothingFoundIsEmptyListsAndNoSubjectBox() {
    AnalysisSummary summary =
        AnalysisSummary.of(
            new StoredAnalysis(
                UUID.randomUUID(), TestAnalyses.withSafety("safe"), "sha", Instant.now()));

    assertThat(summary.subjectPosition()).hasToString("center");
    assertThat(summary.subjectBox()).isNull();
    assertThat(summary.subjects()).isEmpty();
    assertThat(summary.faces()).isEmpty();
    assertThat(summary.textLines()).isEmpty();
  }
}
