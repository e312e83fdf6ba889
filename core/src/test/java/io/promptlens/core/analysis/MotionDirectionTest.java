package io.promptlens.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Image axes with y down: a path at 45° falls to the right, one at 135° rises. */
class MotionDirectionTest {

  @ParameterizedTest(name = "{0}° is {1}")
  @CsvSource({
    "0, HORIZONTAL",
    "22.4, HORIZONTAL",
    "170, HORIZONTAL",
    "180, HORIZONTAL",
    "-5, HORIZONTAL",
    "90, VERTICAL",
    "270, VERTICAL",
    "45, DIAGONAL_FALLING",
    "135, DIAGONAL_RISING"
  })
  void aPathWithinTheToleranceOfAnAxisRunsAlongItOtherwiseAlongADiagonal(
      double degrees, MotionDirection direction) {
    assertThat(MotionDirection.ofDegrees(degrees)).isEqualTo(direction);
  }
}
