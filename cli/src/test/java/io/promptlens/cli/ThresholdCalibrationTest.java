package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.cli.ThresholdCalibration.Candidate;
import io.promptlens.cli.ThresholdCalibration.Choice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdCalibrationTest {

  /** {@code n} candidates of a kind at one confidence, {@code wrong} of them false. */
  static List<Candidate> at(String kind, double confidence, int n, int wrong) {
    List<Candidate> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(new Candidate(kind, confidence, i >= wrong));
    }
    return list;
  }

  @Test
  void theLowestConfidenceThatStillReachesTheTargetIsChosen() {
    List<Candidate> sky = new ArrayList<>();
    sky.addAll(at("sky", 0.9, 20, 0));
    sky.addAll(at("sky", 0.7, 20, 1));
    sky.addAll(at("sky", 0.5, 20, 10));

    Choice choice = ThresholdCalibration.choose(sky, 0.95, 10).get(0);

    assertThat(choice.threshold()).isEqualTo(0.7);
    assertThat(choice.scored()).isEqualTo(40);
    assertThat(choice.correct()).isEqualTo(39);
  }

  @Test
  void aKindUnderTheTargetEverywhereIsNotReached() {
    Choice choice = ThresholdCalibration.choose(at("backlit", 0.8, 30, 5), 0.95, 10).get(0);

    assertThat(choice.threshold()).isNull();
    assertThat(choice.precision()).isEqualTo(25 / 30.0);
  }

  @Test
  void aFewLuckyStatementsDoNotOpenAKind() {
    List<Candidate> grain = new ArrayList<>(at("grain", 0.99, 3, 0));
    grain.addAll(at("grain", 0.5, 30, 15));

    assertThat(ThresholdCalibration.choose(grain, 0.95, 10).get(0).threshold()).isNull();
  }

  @Test
  void statementsAtTheSameConfidenceStandOrFallTogether() {
    List<Candidate> water = new ArrayList<>(at("water", 0.8, 10, 0));
    water.addAll(at("water", 0.6, 10, 5));

    Choice choice = ThresholdCalibration.choose(water, 0.95, 5).get(0);

    assertThat(choice.threshold()).isEqualTo(0.8);
  }
}
