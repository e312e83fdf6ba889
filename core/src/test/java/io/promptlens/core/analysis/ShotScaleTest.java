package io.promptlens.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShotScaleTest {

  @Test
  void theSubjectsExtentPicksTheFraming() {
    assertThat(ShotScale.ofExtent(0.9)).isEqualTo(ShotScale.CLOSE_UP);
    assertThat(ShotScale.ofExtent(0.75)).isEqualTo(ShotScale.CLOSE_UP);
    assertThat(ShotScale.ofExtent(0.74)).isEqualTo(ShotScale.MEDIUM);
    assertThat(ShotScale.ofExtent(0.4)).isEqualTo(ShotScale.MEDIUM);
    assertThat(ShotScale.ofExtent(0.39)).isEqualTo(ShotScale.WIDE);
  }
}
