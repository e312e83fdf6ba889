package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.ImageFormat;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.intake.ImageIntake;
import io.promptlens.vision.intake.IntakeLimits;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Small images skip the models that cannot find anything at their size (issue 11), and say so; the
 * safety model always runs.
 */
class SmallImagesTest {

  @Test
  void aModelIsSkippedBelowItsFloorWithANoteThatSaysWhyNeverThatItFoundNothing() {
    List<String> notes = new ArrayList<>();

    assertThat(NeuralStage.tooSmall(20, FaceStage.MIN_SIDE, "faces", notes)).isTrue();
    assertThat(notes)
        .singleElement()
        .isEqualTo(
            "faces was not run: the image's shorter side is 20 px, under the 24 px it needs to"
                + " find anything");
  }

  @Test
  void aModelRunsFromItsFloorOn() {
    List<String> notes = new ArrayList<>();

    assertThat(NeuralStage.tooSmall(24, FaceStage.MIN_SIDE, "faces", notes)).isFalse();
    assertThat(notes).isEmpty();
  }

  /** A real photo (Leptonica's portrait) shrunk to a thumbnail of {@code side} px. */
  private static DecodedImage thumbnail(int side) throws Exception {
    BufferedImage src;
    try (InputStream in = SmallImagesTest.class.getResourceAsStream("fidelity/karen8.png")) {
      src = new ImageIntake(IntakeLimits.defaults()).decode(in.readAllBytes()).pixels();
    }
    BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(src, 0, 0, side, side, null);
    g.dispose();
    return new DecodedImage(out, side, side, ImageFormat.JPEG);
  }

  @Test
  void aTwelvePixelThumbnailRunsOnlyTheSafetyModelAndSaysWhyTheOthersDidNot() throws Exception {
    var store =
        InstalledModels.require("ocr-det", "ocr-rec", "centernet", "blazeface", "gear", "nsfw");
    DecodedImage tiny = thumbnail(12);
    try (NeuralAnalyzers neural = NeuralAnalyzers.load(store)) {
      ImageAnalysis analysis = neural.enrich(new ImageAnalyzer().analyze(tiny), tiny);

      assertThat(analysis.safety().source()).isEqualTo("vision.neural.nsfw");
      assertThat(analysis.subjects()).isEmpty();
      assertThat(analysis.notes())
          .contains(
              "subjects and people: object detection was not run: the image's shorter side is"
                  + " 12 px, under the 16 px it needs to find anything",
              "people (faces): face detection was not run: the image's shorter side is 12 px,"
                  + " under the 24 px it needs to find anything");
      assertThat(analysis.provenance())
          .noneSatisfy(p -> assertThat(p.component()).isEqualTo("vision.neural.centernet"))
          .noneSatisfy(p -> assertThat(p.component()).isEqualTo("vision.neural.faces"));
    }
  }

  @Test
  void aSixteenPixelThumbnailRunsObjectDetectionButNotFaces() throws Exception {
    var store = InstalledModels.require("centernet", "blazeface", "gear", "emotion", "nsfw");
    DecodedImage small = thumbnail(16);
    try (NeuralAnalyzers neural = NeuralAnalyzers.load(store)) {
      ImageAnalysis analysis = neural.enrich(new ImageAnalyzer().analyze(small), small);

      assertThat(analysis.provenance())
          .anySatisfy(p -> assertThat(p.component()).isEqualTo("vision.neural.centernet"))
          .noneSatisfy(p -> assertThat(p.component()).isEqualTo("vision.neural.faces"));
      assertThat(analysis.notes()).noneMatch(n -> n.contains("object detection was not run"));
    }
  }
}
