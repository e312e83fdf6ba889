package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediumFromSafetyTest {

  @ParameterizedTest
  @CsvSource({
    // measured,     noise, drawing, expected
    "THREE_D_RENDER, 0.3,  0.05, PHOTO",
    "UNKNOWN,        ,     0.02, PHOTO",
    "THREE_D_RENDER, 0.3,  0.20, THREE_D_RENDER",
    "GRAPHIC,        0.2,  0.01, GRAPHIC",
    "DOCUMENT,       0.5,  0.01, DOCUMENT",
    "ILLUSTRATION,   0.1,  0.01, ILLUSTRATION",
    "PHOTO,          2.5,  0.99, PHOTO",
    "PHOTO,          ,     0.99, PHOTO",
    "PHOTO,          0.9,  0.78, ILLUSTRATION",
    "PHOTO,          0.9,  0.40, PHOTO",
    "PAINTING,       0.4,  0.95, PAINTING"
  })
  void theClassifierOnlySettlesWhatTheMeasuresLeaveOpen(
      MediumLabel measured, Double noise, double drawing, MediumLabel expected) {
    SafetyAssessment assessment = new SafetyAssessment("safe", 0.01, drawing, Map.of());

    Medium medium = NeuralAnalyzers.medium(new Medium(measured, 0.6), noise, assessment);

    assertThat(medium.label()).isEqualTo(expected);
    if (expected == MediumLabel.PHOTO && expected != measured) {
      assertThat(medium.confidence()).isEqualTo(1 - drawing);
    }
    if (expected == MediumLabel.ILLUSTRATION && expected != measured) {
      assertThat(medium.confidence()).isEqualTo(drawing);
    }
  }
}
