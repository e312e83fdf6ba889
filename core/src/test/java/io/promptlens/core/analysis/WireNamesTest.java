package io.promptlens.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The analysis JSON writes these enums by their {@code toString}: the names below are the schema 1
 * contract, as the analyzers wrote them when the fields were strings.
 */
class WireNamesTest {

  @Test
  void everyFixedValueKeepsItsPublishedWireName() {
    assertThat(wire(ShotScale.values())).containsExactly("close-up", "medium", "wide");
    assertThat(wire(CameraAngle.values()))
        .containsExactly("eye level", "high angle", "low angle", "top-down");
    assertThat(wire(DepthOfField.values())).containsExactly("shallow", "deep");
    assertThat(wire(MotionDirection.values()))
        .containsExactly("horizontal", "vertical", "diagonal-rising", "diagonal-falling");
    assertThat(wire(LightDirection.values()))
        .containsExactly("left", "right", "top", "bottom", "front");
    assertThat(wire(LightHardness.values())).containsExactly("hard", "soft");
    assertThat(wire(TimeOfDay.values())).containsExactly("golden hour", "blue hour", "night");
    assertThat(wire(SubjectPosition.values()))
        .containsExactly(
            "center",
            "left third",
            "right third",
            "upper third",
            "lower third",
            "upper-left third",
            "upper-right third",
            "lower-left third",
            "lower-right third",
            "left edge",
            "right edge",
            "top edge",
            "bottom edge",
            "top-left corner",
            "top-right corner",
            "bottom-left corner",
            "bottom-right corner");
  }

  @Test
  void aNameListThatDoesNotMatchTheConstantsIsRefused() {
    assertThatThrownBy(() -> WireNames.of(DepthOfField.class, "shallow"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DepthOfField");
    assertThatThrownBy(() -> WireNames.of(DepthOfField.class, "deep", "deep"))
        .isInstanceOf(IllegalStateException.class);
  }

  private static String[] wire(Enum<?>[] values) {
    return Arrays.stream(values).map(Object::toString).toArray(String[]::new);
  }
}
