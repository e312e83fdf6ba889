package io.promptlens.app.analyses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promptlens.app.analyses.SafetyCheck.Decision;
import io.promptlens.app.support.TestAnalyses;
import io.promptlens.app.workspaces.SafetyAction;
import io.promptlens.app.workspaces.WorkspaceProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The workspace's safety action decides on the safety section's verdict alone. */
class SafetyCheckTests {

  @ParameterizedTest
  @ValueSource(strings = {"suggestive", "explicit", "EXPLICIT"})
  void aMarkedImageIsWarnedAboutAndNotBlurred(String verdict) {
    Decision decision = SafetyCheck.decide(TestAnalyses.withSafety(verdict), SafetyAction.WARN);

    assertThat(decision.warningText())
        .hasValueSatisfying(warning -> assertThat(warning).contains(verdict.toLowerCase()));
    assertThat(decision.blur()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"suggestive", "explicit", "Suggestive"})
  void aMarkedImageIsWarnedAboutAndBlurredWhenTheWorkspaceBlurs(String verdict) {
    Decision decision = SafetyCheck.decide(TestAnalyses.withSafety(verdict), SafetyAction.BLUR);

    assertThat(decision.blur()).isTrue();
    assertThat(decision.warningText())
        .hasValueSatisfying(
            warning -> assertThat(warning).contains(verdict.toLowerCase()).contains("blurs"));
    assertThat(SafetyCheck.blurs(TestAnalyses.withSafety(verdict), SafetyAction.BLUR)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"suggestive", "explicit"})
  void aMarkedImageIsRefusedWith422WhenTheWorkspaceRefuses(String verdict) {
    assertThatThrownBy(
            () -> SafetyCheck.decide(TestAnalyses.withSafety(verdict), SafetyAction.REFUSE))
        .isInstanceOfSatisfying(
            UnsafeImageException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(422);
              assertThat(e.getBody().getDetail()).contains(verdict).contains("Nothing was stored");
            });
  }

  @Test
  void aMarkedImageIsAllowedSilentlyWhenTheWorkspaceAllows() {
    assertThat(SafetyCheck.decide(TestAnalyses.withSafety("explicit"), SafetyAction.ALLOW))
        .isEqualTo(Decision.NONE);
  }

  @ParameterizedTest
  @EnumSource(
      value = SafetyAction.class,
      names = {"BLUR"},
      mode = EnumSource.Mode.EXCLUDE)
  void onlyABlurringWorkspaceShowsAStoredMarkedImageBlurred(SafetyAction action) {
    assertThat(SafetyCheck.blurs(TestAnalyses.withSafety("explicit"), action)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(SafetyAction.class)
  void safeAndUnknownImagesAreNeverActedOn(SafetyAction action) {
    assertThat(SafetyCheck.decide(TestAnalyses.withSafety("safe"), action))
        .isEqualTo(Decision.NONE);
    assertThat(SafetyCheck.decide(TestAnalyses.withSafety("unknown"), action))
        .isEqualTo(Decision.NONE);
    assertThat(SafetyCheck.blurs(TestAnalyses.withSafety("safe"), action)).isFalse();
    assertThat(SafetyCheck.blurs(TestAnalyses.withSafety("unknown"), action)).isFalse();
  }

  @Test
  void everyActionParsesFromItsWireNameAndAnUnknownOneListsAllFour() {
    for (SafetyAction action : SafetyAction.values()) {
      assertThat(SafetyAction.parse(" " + action.wireName().toUpperCase() + " ")).isEqualTo(action);
    }
    assertThat(SafetyAction.BLUR.wireName()).isEqualTo("blur");
    assertThatThrownBy(() -> SafetyAction.parse("hide"))
        .isInstanceOfSatisfying(
            WorkspaceProblem.class,
            e ->
                assertThat(e.getBody().getDetail())
                    .contains("'hide'")
                    .contains("allow, warn, blur or refuse"));
  }
}
