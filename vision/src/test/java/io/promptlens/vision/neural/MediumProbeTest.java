package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.compiler.Statement;
import io.promptlens.core.compiler.StatementThresholds;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediumProbeTest {

  /** Two features; the first says "photographed", the second "drawn". */
  private static final MediumProbe PROBE =
      new MediumProbe(
          Map.of(
              MediumLabel.PHOTO, new LogisticProbe(new double[] {12, -12}, 0),
              MediumLabel.ILLUSTRATION, new LogisticProbe(new double[] {-12, 12}, 0)),
          "a test");

  private static final Medium MEASURED_GRAPHIC =
      new Medium(MediumLabel.GRAPHIC, 0.9, List.of("line art"));

  @Test
  void aSureCallReplacesTheMeasuredMediumAtNoMoreThanTheCeiling() {
    Map<Statement, Double> rows = new EnumMap<>(StatementThresholds.DEFAULT.kinds());
    rows.put(Statement.MEDIUM_PHOTO, 0.8);
    StatementThresholds lenient =
        new StatementThresholds(
            rows, StatementThresholds.DEFAULT.classes(), StatementThresholds.DEFAULT.basis());

    Medium decided = PROBE.decide(MEASURED_GRAPHIC, new float[] {1, 0}, lenient);

    assertThat(decided.label()).isEqualTo(MediumLabel.PHOTO);
    assertThat(decided.confidence()).isEqualTo(MediumProbe.CEILING);
    assertThat(decided.styles()).containsExactly("line art");
  }

  @Test
  void withTheShippedTableASureProbeCallIsNotEnoughForAPhotograph() {
    Medium decided =
        PROBE.decide(MEASURED_GRAPHIC, new float[] {1, 0}, StatementThresholds.DEFAULT);

    assertThat(decided.label()).isEqualTo(MediumLabel.GRAPHIC);
    assertThat(decided.confidence()).isEqualTo(0.5);
  }

  @Test
  void aMeasuredCallTheTableSaysStaysWhateverTheProbeThinks() {
    Medium sure = Medium.of(MediumLabel.PHOTO, 0.95);

    assertThat(PROBE.decide(sure, new float[] {0, 1}, StatementThresholds.DEFAULT)).isEqualTo(sure);
  }

  @Test
  void anUnsureCallKeepsTheMeasuredLabelButNotItsConfidence() {
    Medium decided =
        PROBE.decide(MEASURED_GRAPHIC, new float[] {0.1f, 0}, StatementThresholds.DEFAULT);

    assertThat(decided.label()).isEqualTo(MediumLabel.GRAPHIC);
    assertThat(decided.confidence()).isEqualTo(0.5);
  }

  @Test
  void aCameraRecordAndAProbeThatAgreeMakeAPhotographThatIsSaid() {
    Medium byRecord = new Medium(MediumLabel.PHOTO, 0.86, List.of());

    Medium decided =
        PROBE.decide(byRecord, new float[] {0.2f, 0}, StatementThresholds.DEFAULT, true);

    // 12 × 0.2 = 2.4 in log-odds: the probe says photographed at 0.917, over the agreement.
    assertThat(decided.label()).isEqualTo(MediumLabel.PHOTO);
    assertThat(decided.confidence()).isEqualTo(MediumProbe.CAMERA_AND_PROBE_CONFIDENCE);
    // 71 of 72 looked-at pictures (MediumProbe's comment): 0.973, over the 0.95 row.
    assertThat(StatementThresholds.DEFAULT.says(Statement.MEDIUM_PHOTO, decided.confidence()))
        .isTrue();
  }

  @Test
  void aCameraRecordOnAPictureTheProbeDoubtsKeepsTheUnsureMeasuredCall() {
    Medium byRecord = new Medium(MediumLabel.PHOTO, 0.86, List.of());

    // 12 × 0.15 = 1.8: 0.858, under the agreement (a filtered photograph, say).
    Medium decided =
        PROBE.decide(byRecord, new float[] {0.15f, 0}, StatementThresholds.DEFAULT, true);

    assertThat(decided.confidence()).isEqualTo(0.5);
  }

  @Test
  void aSureProbeWithoutACameraRecordIsNotEnough() {
    Medium measuredPhoto = new Medium(MediumLabel.PHOTO, 0.7, List.of());

    Medium decided =
        PROBE.decide(measuredPhoto, new float[] {1, 0}, StatementThresholds.DEFAULT, false);

    assertThat(StatementThresholds.DEFAULT.says(Statement.MEDIUM_PHOTO, decided.confidence()))
        .isFalse();
  }

  @Test
  void aCameraRecordDoesNotMakeAMeasuredPageAPhotograph() {
    Medium page = new Medium(MediumLabel.DOCUMENT, 0.9, List.of());

    assertThat(PROBE.decide(page, new float[] {1, 0}, StatementThresholds.DEFAULT, true))
        .isEqualTo(page);
  }

  @Test
  void aMeasuredDocumentStays() {
    Medium page = Medium.of(MediumLabel.DOCUMENT, 0.85);

    assertThat(PROBE.decide(page, new float[] {1, 0}, StatementThresholds.DEFAULT)).isEqualTo(page);
  }

  @Test
  void theShippedProbeReadsTheSafetyNetworksFeatures() {
    MediumProbe shipped = MediumProbe.shipped();

    assertThat(shipped.probes()).containsOnlyKeys(MediumLabel.PHOTO, MediumLabel.ILLUSTRATION);
    assertThat(shipped.probes().get(MediumLabel.PHOTO).weights()).hasSize(1792);
    assertThat(shipped.trainedOn()).contains("tuning");
  }

  @Test
  void itsJsonFormReadsBackToTheSameProbabilities() {
    float[] x = {0.3f, 0.1f};
    MediumProbe again =
        MediumProbe.read(
            tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(PROBE.toJson()));

    assertThat(again.probabilities(x)).isEqualTo(PROBE.probabilities(x));
  }

  @Test
  void aFeatureVectorOfAnotherLengthIsRefused() {
    assertThatThrownBy(() -> PROBE.probabilities(new float[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expects 2 features");
  }
}
