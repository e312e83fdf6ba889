package io.promptlens.app.analyses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promptlens.app.support.TestAnalyses;
import io.promptlens.app.workspaces.SafetyAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The workspace's safety action decides on the safety section's verdict alone. */
class SafetyCheckTests {

  @ParameterizedTest
  @ValueSource(strings = {"suggestive", "explicit", "EXPLICIT"})
  void aMarkedImageIsWarnedAbout(String verdict) {
    assertThat(SafetyCheck.apply(TestAnalyses.withSafety(verdict), SafetyAction.WARN))
        .hasValueSatisfying(warning -> assertThat(warning).contains(verdict.toLowerCase()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"suggestive", "explicit"})
  void aMarkedImageIsRefusedWith422WhenTheWorkspaceRefuses(String verdict) {
    assertThatThrownBy(
            () -> SafetyCheck.apply(TestAnalyses.withSafety(verdict), SafetyAction.REFUSE))
        .isInstanceOfSatisfying(
            UnsafeImageException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(422);
              assertThat(e.getBody().getDetail()).contains(verdict).contains("Nothing was stored");
            });
  }

  @Test
  void aMarkedImageIsAllowedSilentlyWhenTheWorkspaceAllows() {
    assertThat(SafetyCheck.apply(TestAnalyses.withSafety("explicit"), SafetyAction.ALLOW))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SafetyAction.class)
  void safeAndUnknownImagesAreNeverActedOn(SafetyAction action) {
    assertThat(SafetyCheck.apply(TestAnalyses.withSafety("safe"), action)).isEmpty();
    assertThat(SafetyCheck.apply(TestAnalyses.withSafety("unknown"), action)).isEmpty();
  }
}
