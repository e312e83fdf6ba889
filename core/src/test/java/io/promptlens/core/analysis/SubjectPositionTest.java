package io.promptlens.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectPositionTest {

  @Test
  void theCentroidFallsInTheCentreThirdsOrEdgeBandOfEachAxis() {
    assertThat(SubjectPosition.at(0.5, 0.5)).isEqualTo(SubjectPosition.CENTER);
    assertThat(SubjectPosition.at(1.0 / 3, 0.5)).isEqualTo(SubjectPosition.LEFT_THIRD);
    assertThat(SubjectPosition.at(0.5, 1.0 / 3)).isEqualTo(SubjectPosition.UPPER_THIRD);
    assertThat(SubjectPosition.at(2.0 / 3, 2.0 / 3)).isEqualTo(SubjectPosition.LOWER_RIGHT_THIRD);
    assertThat(SubjectPosition.at(0.05, 0.5)).isEqualTo(SubjectPosition.LEFT_EDGE);
    assertThat(SubjectPosition.at(0.05, 0.3)).isEqualTo(SubjectPosition.LEFT_EDGE);
    assertThat(SubjectPosition.at(0.5, 0.95)).isEqualTo(SubjectPosition.BOTTOM_EDGE);
    assertThat(SubjectPosition.at(0.95, 0.05)).isEqualTo(SubjectPosition.TOP_RIGHT_CORNER);
  }

  @Test
  void theBandsMeetWithoutAGapAtTheTolerance() {
    double centreEdge = 0.5 - SubjectPosition.ANCHOR_TOLERANCE;
    assertThat(SubjectPosition.at(centreEdge, 0.5)).isEqualTo(SubjectPosition.CENTER);
    assertThat(SubjectPosition.at(centreEdge - 0.001, 0.5)).isEqualTo(SubjectPosition.LEFT_THIRD);
    assertThat(SubjectPosition.at(1.0 / 3 - SubjectPosition.ANCHOR_TOLERANCE - 0.001, 0.5))
        .isEqualTo(SubjectPosition.LEFT_EDGE);
  }

  @Test
  void eachPositionKnowsItsSideAndWhetherItTouchesTheFrame() {
    assertThat(SubjectPosition.UPPER_LEFT_THIRD.side()).isEqualTo(SubjectPosition.Side.LEFT);
    assertThat(SubjectPosition.BOTTOM_RIGHT_CORNER.side()).isEqualTo(SubjectPosition.Side.RIGHT);
    assertThat(SubjectPosition.TOP_EDGE.side()).isEqualTo(SubjectPosition.Side.MIDDLE);
    assertThat(SubjectPosition.TOP_EDGE.atFrame()).isTrue();
    assertThat(SubjectPosition.TOP_LEFT_CORNER.atFrame()).isTrue();
    assertThat(SubjectPosition.LOWER_THIRD.atFrame()).isFalse();
  }
}
