package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.cli.StatementScorer.KindFigures;
import io.promptlens.cli.StatementScorer.SplitFigures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementScorerTest {

  private final StatementScorer scorer = new StatementScorer();

  private static Statement said(String kind, String value) {
    return new Statement(kind, value, value, "test", true, null);
  }

  private static Map<String, String> labels(String... pairs) {
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      labels.put(pairs[i], pairs[i + 1]);
    }
    return labels;
  }

  private SplitFigures addOne(Map<String, String> labels, Statement... statements) {
    scorer.add("heldout", labels, List.of(statements), List.of(), false);
    return scorer.figures().get("heldout");
  }

  @Test
  void anIndoorSettingOnAnOutdoorImageIsFalse() {
    SplitFigures f = addOne(labels("indoor", "false", "outdoor", "true"), said("indoor", "true"));

    assertThat(f.kinds().get("indoor")).isEqualTo(new KindFigures(1, 0, 0, 0));
    assertThat(f.promptsWithoutFalse()).isZero();
  }

  @Test
  void anUnknownLabelIsNotScored() {
    SplitFigures f = addOne(labels("indoor", "", "sky", "true"), said("indoor", "true"));

    assertThat(StatementScorer.kind(scorer.figures(), "heldout", "indoor").scored()).isZero();
    assertThat(f.promptsWithoutFalse()).isEqualTo(1);
  }

  @Test
  void recallCountsLabelledTrueStatementsThePromptLeftOut() {
    SplitFigures f =
        addOne(labels("sky", "true", "water", "true", "snow", "false"), said("sky", "true"));

    assertThat(f.kinds().get("sky")).isEqualTo(new KindFigures(1, 1, 1, 1));
    assertThat(f.kinds().get("water")).isEqualTo(new KindFigures(0, 0, 1, 0));
    assertThat(f.overall().recall()).isEqualTo(0.5);
    assertThat(f.overall().precision()).isEqualTo(1.0);
  }

  @Test
  void oneNamedObjectRecallsOnlyItselfNotEveryListedObject() {
    SplitFigures f = addOne(labels("objects", "cat;book"), said("objects", "book"));

    assertThat(f.kinds().get("objects")).isEqualTo(new KindFigures(1, 1, 2, 1));
  }

  @Test
  void aPromptThatSaysNothingHasNoPrecisionAndNoRecall() {
    SplitFigures f = addOne(labels("vegetation", "true", "medium", "photo"));

    assertThat(f.overall().precision()).isNull();
    assertThat(f.overall().recall()).isEqualTo(0.0);
  }

  @Test
  void aDeepDepthOfFieldIsTrueWhereShallowIsLabelledFalse() {
    Map<String, String> sharp = labels("shallow_dof", "false");

    assertThat(StatementScorer.truth(said("shallow_dof", "false"), sharp)).isTrue();
    assertThat(StatementScorer.truth(said("shallow_dof", "true"), sharp)).isFalse();
  }

  @Test
  void onePersonBeforeACrowdIsAPersonNotNinePeople() {
    Map<String, String> footballer = labels("people", "1+crowd");

    assertThat(StatementScorer.truth(said("people", "1"), footballer)).isTrue();
    assertThat(StatementScorer.truth(said("people", "9"), footballer)).isFalse();
    assertThat(StatementScorer.truth(said("people", "1+crowd"), footballer)).isTrue();
    assertThat(StatementScorer.truth(said("people", "1"), labels("people", "0"))).isFalse();
  }

  @Test
  void anObjectIsTrueOnlyWhenListedAndUnsureNamesAreNotScored() {
    Map<String, String> coins = labels("objects", "text;?clock");

    assertThat(StatementScorer.truth(said("objects", "text"), coins)).isTrue();
    assertThat(StatementScorer.truth(said("objects", "clock"), coins)).isNull();
    assertThat(StatementScorer.truth(said("objects", "bird"), coins)).isFalse();
    assertThat(StatementScorer.truth(said("objects", "bird"), labels("objects", ""))).isFalse();
    assertThat(StatementScorer.truth(said("objects", "bird"), labels("sky", "true"))).isNull();
  }

  @Test
  void noShotScaleAppliesToAPage() {
    assertThat(StatementScorer.truth(said("shot_scale", "wide"), labels("shot_scale", "none")))
        .isFalse();
    assertThat(StatementScorer.facts(labels("shot_scale", "none"))).isEmpty();
  }

  @Test
  void candidatesThePromptDidNotSayAreNotScored() {
    Statement unsaid = new Statement("sky", "true", "sky", "scene.labels[0]", false, 0.2);

    SplitFigures f = addOne(labels("sky", "false"), unsaid);

    assertThat(StatementScorer.kind(scorer.figures(), "heldout", "sky").scored()).isZero();
    assertThat(f.promptsWithoutFalse()).isEqualTo(1);
  }

  @Test
  void eyeLevelIsNoFactToMissButALowAngleIs() {
    assertThat(StatementScorer.facts(labels("camera_angle", "eye"))).isEmpty();
    assertThat(StatementScorer.facts(labels("camera_angle", "low")))
        .containsExactly(new StatementKinds.Claim("camera_angle", "low"));
  }

  @Test
  void subjectCoverageAndUnscoredKindsAreCountedPerSplit() {
    scorer.add("tuning", labels(), List.of(), List.of("scene.labels[n]: stage"), true);
    scorer.add("tuning", labels(), List.of(), List.of("scene.labels[n]: stage"), false);

    SplitFigures f = scorer.figures().get("tuning");
    assertThat(f.prompts()).isEqualTo(2);
    assertThat(f.subjectFirst()).isEqualTo(1);
    assertThat(f.unscoredKinds()).containsEntry("scene.labels[n]: stage", 2);
    assertThat(scorer.figures()).doesNotContainKey("heldout");
  }
}
