package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticProbeTest {

  /** 200 points: the class is whether feature 0 exceeds feature 1; feature 2 is noise. */
  private static float[][] rows(boolean[] labels, long seed) {
    Random random = new Random(seed);
    float[][] x = new float[labels.length][];
    for (int i = 0; i < labels.length; i++) {
      x[i] = new float[] {random.nextFloat(), random.nextFloat(), random.nextFloat() * 100};
      labels[i] = x[i][0] > x[i][1];
    }
    return x;
  }

  @Test
  void separatesTheClassesItWasFittedOnAndGeneralisesToNewPoints() {
    boolean[] y = new boolean[200];
    LogisticProbe probe = LogisticProbe.fit(rows(y, 1), y, 0.001, 500);

    boolean[] truth = new boolean[200];
    float[][] fresh = rows(truth, 2);
    int right = 0;
    for (int i = 0; i < fresh.length; i++) {
      if ((probe.probability(fresh[i]) > 0.5) == truth[i]) {
        right++;
      }
    }
    assertThat(right).isGreaterThanOrEqualTo(180);
    assertThat(probe.probability(new float[] {0.95f, 0.05f, 50})).isGreaterThan(0.8);
    assertThat(probe.probability(new float[] {0.05f, 0.95f, 50})).isLessThan(0.2);
  }

  @Test
  void aLargerPenaltyGivesLessSureProbabilities() {
    boolean[] y = new boolean[200];
    float[][] x = rows(y, 3);
    float[] clear = {0.95f, 0.05f, 50};

    double loose = LogisticProbe.fit(x, y, 0.001, 300).probability(clear);
    double smooth = LogisticProbe.fit(x, y, 1, 300).probability(clear);

    assertThat(smooth).isLessThan(loose).isGreaterThan(0.5);
  }

  @Test
  void theSameRowsGiveTheSameWeights() {
    boolean[] y = new boolean[50];
    float[][] x = rows(y, 4);

    assertThat(LogisticProbe.fit(x, y, 0.01, 100).weights())
        .containsExactly(LogisticProbe.fit(x, y, 0.01, 100).weights());
  }
}
