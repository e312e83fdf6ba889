package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.cli.StatementKinds.Claim;
import io.promptlens.cli.StatementKinds.Reading;
import org.junit.jupiter.api.Test;

class StatementKindsTest {

  @Test
  void sceneLabelsInSentenceAndTagFormReadTheSame() {
    assertThat(StatementKinds.read("scene.labels[0]", "an indoor setting").claims())
        .containsExactly(new Claim("indoor", "true"));
    assertThat(StatementKinds.read("scene.labels[3]", "(Indoors:1.2)").claims())
        .containsExactly(new Claim("indoor", "true"));
  }

  @Test
  void aNightSkyClaimsSkyAndNight() {
    assertThat(StatementKinds.read("scene.labels[0]", "a night sky").claims())
        .containsExactly(new Claim("sky", "true"), new Claim("night", "true"));
  }

  @Test
  void aPageOfTextClaimsADocumentNotJustWriting() {
    assertThat(StatementKinds.read("scene.labels[0]", "a page of text").claims())
        .containsExactly(new Claim("medium", "document"));
    assertThat(StatementKinds.read("subject.named", "a page of printed text").claims())
        .containsExactly(new Claim("medium", "document"));
    assertThat(StatementKinds.read("subject.named", "a screenshot of a program window").claims())
        .containsExactly(new Claim("medium", "graphic"));
    assertThat(StatementKinds.read("text.content", "the text \"STOP\"").claims())
        .containsExactly(new Claim("objects", "text"));
  }

  @Test
  void anUnknownSourceIsAnUnscoredKindNotAFailure() {
    Reading reading = StatementKinds.read("subject.shape[2].size", "a large rounded form");

    assertThat(reading.claims()).isEmpty();
    assertThat(reading.unscoredKind()).isEqualTo("subject.shape[n].size");
  }

  @Test
  void aKnownSourceWithUnknownWordingNamesBoth() {
    assertThat(StatementKinds.read("scene.labels[1]", "stage").unscoredKind())
        .isEqualTo("scene.labels[n]: stage");
  }

  @Test
  void paletteAndToneAreNotStatements() {
    Reading palette = StatementKinds.read("color.palette[0]", "moss");

    assertThat(palette.claims()).isEmpty();
    assertThat(palette.unscoredKind()).isNull();
  }

  @Test
  void peopleAreCountedAndOtherDetectionsAreObjects() {
    assertThat(StatementKinds.read("people.count", "9 people").claims())
        .containsExactly(new Claim("people", "9"));
    assertThat(StatementKinds.read("people.count", "a person").claims())
        .containsExactly(new Claim("people", "1"));
    assertThat(StatementKinds.read("subjects[1].label", "a sports ball").claims())
        .containsExactly(new Claim("objects", "sports ball"));
    assertThat(StatementKinds.read("subjects[0].label", "person").claims())
        .containsExactly(new Claim("people", "1"));
  }

  @Test
  void aBoxGivesAShotScaleOrANonClaim() {
    assertThat(StatementKinds.read("subjects[0].box", "close-up shot").claims())
        .containsExactly(new Claim("shot_scale", "close-up"));
    assertThat(StatementKinds.read("subjects[0].box", "centered composition").claims()).isEmpty();
  }

  @Test
  void mediumDepthAndAngleUseTheLabelVocabulary() {
    assertThat(StatementKinds.read("medium.label", "flat graphic design").claims())
        .containsExactly(new Claim("medium", "graphic"));
    assertThat(StatementKinds.read("focus.depthOfField", "deep depth of field").claims())
        .containsExactly(new Claim("shallow_dof", "false"));
    assertThat(StatementKinds.read("composition.cameraAngle", "top-down view").claims())
        .containsExactly(new Claim("camera_angle", "top-down"));
  }
}
