package io.promptlens.vision.scene;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.Scene;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkyCallTest {

  private static Scene measured(String skySource) {
    return new Scene(
        List.of(
            new Scene.Label("sky", 0.85, skySource),
            new Scene.Label("vegetation", 0.7, SceneAnalyzer.SOURCE),
            new Scene.Label("indoor", 0.55, SceneAnalyzer.SOURCE)));
  }

  @Test
  void theCuesOfASkyInAPhotographSaySkyOutdoorsAndTheVegetationMeasuredUnderIt() {
    Scene called = SkyCall.decide(measured(SceneAnalyzer.SKY_CUES), 0.8, 0.1, 480);

    assertThat(called.labels())
        .containsExactly(
            new Scene.Label("sky", SkyCall.CONFIDENCE, SkyCall.SOURCE),
            new Scene.Label("outdoor", SkyCall.CONFIDENCE, SkyCall.SOURCE),
            new Scene.Label("vegetation", SkyCall.VEGETATION_CONFIDENCE, SkyCall.SOURCE));
  }

  @Test
  void aCallKeepsTheMeasuredLabelsItDoesNotDecide() {
    Scene measured =
        new Scene(
            List.of(
                new Scene.Label("sky", 0.85, SceneAnalyzer.SKY_CUES),
                new Scene.Label("water", 0.7, SceneAnalyzer.SOURCE)));

    assertThat(SkyCall.decide(measured, 0.8, 0.1, 480).labels())
        .contains(new Scene.Label("water", 0.7, SceneAnalyzer.SOURCE))
        .extracting(Scene.Label::label)
        .doesNotContain("vegetation");
  }

  @Test
  void aSkyOfColourAloneIsNotCalledHoweverPhotographicThePicture() {
    Scene colourOnly = measured(SceneAnalyzer.SOURCE);

    assertThat(SkyCall.decide(colourOnly, 0.99, 0.0, 1024)).isEqualTo(colourOnly);
  }

  @Test
  void aPictureTheProbeDoesNotFindPhotographedIsNotCalled() {
    Scene cues = measured(SceneAnalyzer.SKY_CUES);

    assertThat(SkyCall.decide(cues, 0.4, 0.1, 480)).isEqualTo(cues);
    // One probe per medium: photographed at 0.75 and drawn at 0.99 is a drawing more than not.
    assertThat(SkyCall.decide(cues, 0.75, 0.99, 480)).isEqualTo(cues);
  }

  @Test
  void aPictureSmallerThanTheProbesInputIsNotCalled() {
    Scene cues = measured(SceneAnalyzer.SKY_CUES);

    assertThat(SkyCall.decide(cues, 0.83, 0.0, SkyCall.MIN_SIDE - 1)).isEqualTo(cues);
    assertThat(SkyCall.decide(cues, 0.83, 0.0, SkyCall.MIN_SIDE)).isNotEqualTo(cues);
  }
}
