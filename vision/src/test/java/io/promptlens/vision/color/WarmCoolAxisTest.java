package io.promptlens.vision.color;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.vision.measure.Oklab;
import org.junit.jupiter.api.Test;

class WarmCoolAxisTest {

  @Test
  void blackBodyWarmEndPointsTowardsOrangeYellow() {
    assertThat(WarmCoolAxis.warmHueDegrees()).isBetween(45.0, 100.0);
  }

  @Test
  void tungstenIsWarmAndSkyBlueIsCool() {
    Oklab.Lab tungsten = WarmCoolAxis.planckian(2700);
    Oklab.Lab sky = Oklab.fromRgb(0x87CEEB);

    assertThat(WarmCoolAxis.project(tungsten.a(), tungsten.b())).isPositive();
    assertThat(WarmCoolAxis.project(sky.a(), sky.b())).isNegative();
  }

  @Test
  void d65DaylightIsNearlyNeutral() {
    Oklab.Lab daylight = WarmCoolAxis.planckian(6504);

    assertThat(Math.abs(WarmCoolAxis.project(daylight.a(), daylight.b()))).isLessThan(0.02);
  }
}
