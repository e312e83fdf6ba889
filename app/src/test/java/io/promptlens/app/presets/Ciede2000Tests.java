package io.promptlens.app.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.promptlens.app.presets.Ciede2000.Lab;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ΔE00 against the test data published with the formula (Sharma, Wu and Dalal, 2005, table 1). */
class Ciede2000Tests {

  @ParameterizedTest(name = "pair {0}: ΔE00 = {7}")
  @CsvSource({
    "1, 50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425",
    "2, 50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615",
    "7, 50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669",
    "17, 50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492",
    "25, 60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644",
    "34, 2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082"
  })
  void matchesThePublishedTestData(
      int pair, double l1, double a1, double b1, double l2, double a2, double b2, double expected) {
    assertThat(Ciede2000.distance(new Lab(l1, a1, b1), new Lab(l2, a2, b2)))
        .isCloseTo(expected, within(1e-4));
    assertThat(Ciede2000.distance(new Lab(l2, a2, b2), new Lab(l1, a1, b1)))
        .as("symmetric")
        .isCloseTo(expected, within(1e-4));
  }

  @ParameterizedTest(name = "{0} → L* {1}")
  @CsvSource({"#FFFFFF, 100.0", "#000000, 0.0", "#808080, 53.585"})
  void hexGoesThroughSrgbToLab(String hex, double lightness) {
    Lab lab = Ciede2000.lab(hex);

    assertThat(lab.l()).isCloseTo(lightness, within(0.01));
    assertThat(lab.a()).isCloseTo(0, within(0.01));
    assertThat(lab.b()).isCloseTo(0, within(0.01));
  }
}
