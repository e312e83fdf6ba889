package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.CameraAngle;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.ShotScale;
import io.promptlens.core.analysis.SubjectPosition;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Person-mask extent and the composition fields it sets, on synthetic masks with exact answers. */
class MaskCompositionTest {

  private static final Composition MEASURED =
      new Composition(
          SubjectPosition.CENTER,
          ShotScale.CLOSE_UP,
          List.of(0.1, 0.1, 0.8, 0.8),
          0.6,
          0.4,
          0.5,
          1.5,
          0.2,
          true,
          CameraAngle.EYE_LEVEL,
          0.6,
          0.7,
          0.5,
          List.of(0.5, 0.5));

  /** A 16 × 16 map with cells [x0, x1) × [y0, y1) at {@code p}, the rest at 0.1. */
  private static float[] rectangle(int x0, int y0, int x1, int y1, float p) {
    float[] map = new float[16 * 16];
    Arrays.fill(map, 0.1f);
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        map[y * 16 + x] = p;
      }
    }
    return map;
  }

  private static boolean[] everywhere() {
    boolean[] all = new boolean[16 * 16];
    Arrays.fill(all, true);
    return all;
  }

  @Test
  void theMaskGivesBoxCentroidAreaAndMeanProbability() {
    PersonSegmenter.Mask m =
        PersonSegmenter.Mask.of(rectangle(2, 4, 6, 12, 0.8f), 16, everywhere());
    assertThat(List.of(m.x0(), m.y0(), m.x1(), m.y1())).containsExactly(0.125, 0.25, 0.375, 0.75);
    assertThat(m.cx()).isEqualTo(0.25);
    assertThat(m.cy()).isEqualTo(0.5);
    assertThat(m.area()).isEqualTo(32 / 256.0);
    assertThat(m.mean()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void cellsOutsideThePersonBoxesAndBelowThresholdDoNotCount() {
    boolean[] leftHalf = new boolean[16 * 16];
    for (int i = 0; i < leftHalf.length; i++) {
      leftHalf[i] = i % 16 < 8;
    }
    assertThat(PersonSegmenter.Mask.of(rectangle(10, 0, 16, 16, 0.9f), 16, leftHalf).empty())
        .isTrue();
    assertThat(PersonSegmenter.Mask.of(rectangle(0, 0, 16, 16, 0.49f), 16, everywhere()).empty())
        .isTrue();
  }

  @Test
  void anEmptyMaskKeepsTheMeasuredComposition() {
    assertThat(MaskComposition.apply(MEASURED, PersonSegmenter.Mask.EMPTY)).isSameAs(MEASURED);
    assertThat(MaskComposition.apply(MEASURED, null)).isSameAs(MEASURED);
  }

  @Test
  void aMaskSetsOnlyTheSubjectFields() {
    PersonSegmenter.Mask m =
        PersonSegmenter.Mask.of(rectangle(2, 4, 6, 12, 0.8f), 16, everywhere());
    Composition c = MaskComposition.apply(MEASURED, m);
    assertThat(c.subjectBox()).containsExactly(0.125, 0.25, 0.25, 0.5);
    assertThat(c.subjectSize()).isEqualTo(0.125);
    assertThat(c.subjectPosition()).hasToString("left third");
    assertThat(c.shotScale()).hasToString("medium"); // larger extent 0.5: between 0.4 and 0.75
    assertThat(c.confidence()).isEqualTo(0.8);
    assertThat(c.symmetry()).isEqualTo(MEASURED.symmetry());
    assertThat(c.horizonY()).isEqualTo(MEASURED.horizonY());
    assertThat(c.leadingLines()).isEqualTo(MEASURED.leadingLines());
    assertThat(c.vanishingPoint()).isEqualTo(MEASURED.vanishingPoint());
  }

  @ParameterizedTest
  @CsvSource({
    "0.5, 0.5, center",
    "0.33, 0.5, left third",
    "0.7, 0.3, upper-right third",
    "0.05, 0.5, left edge",
    "0.5, 0.95, bottom edge",
    "0.02, 0.98, bottom-left corner"
  })
  void positionWordsFollowTheMeasuredBands(double x, double y, String words) {
    assertThat(SubjectPosition.at(x, y)).hasToString(words);
  }

  @ParameterizedTest
  @CsvSource({"0, 16, close-up", "0, 12, close-up", "0, 11, medium", "0, 6, wide"})
  void shotScaleFromTheLargerExtent(int from, int to, String shot) {
    PersonSegmenter.Mask m =
        PersonSegmenter.Mask.of(rectangle(from, 7, to, 9, 0.9f), 16, everywhere());
    assertThat(MaskComposition.apply(null, m).shotScale()).hasToString(shot);
  }
}
