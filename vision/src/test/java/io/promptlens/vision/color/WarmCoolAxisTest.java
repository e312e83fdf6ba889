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

  @Test
  void leafGreenLiesOnTheWarmSideButNearerGreenThanTheAxis() {
    Oklab.Lab leaf = Oklab.fromRgb(0x5A9A30);
    Oklab.Lab magenta = Oklab.fromRgb(0xC040C0);

    assertThat(WarmCoolAxis.project(leaf.a(), leaf.b())).isGreaterThan(0.02);
    assertThat(WarmCoolAxis.towardsGreen(leaf.a(), leaf.b()))
        .isGreaterThan(WarmCoolAxis.project(leaf.a(), leaf.b()));
    assertThat(WarmCoolAxis.towardsGreen(magenta.a(), magenta.b())).isNegative();
  }
}
