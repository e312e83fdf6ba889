package io.promptlens.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompositionTest {

  @Test
  void withSubjectSetsTheBoxAndSizeAndKeepsEverythingElse() {
    Composition framed =
        Composition.of(SubjectPosition.LEFT_THIRD, ShotScale.MEDIUM)
            .withSubject(List.of(0.2, 0.3, 0.25, 0.4), 0.1);

    assertThat(framed.subjectPosition()).isEqualTo(SubjectPosition.LEFT_THIRD);
    assertThat(framed.shotScale()).isEqualTo(ShotScale.MEDIUM);
    assertThat(framed.subjectBox()).containsExactly(0.2, 0.3, 0.25, 0.4);
    assertThat(framed.subjectSize()).isEqualTo(0.1);
    assertThat(framed.cameraAngle()).isNull();
  }
}
