package io.promptlens.vision.neural;

import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Provenance;
import io.promptlens.vision.intake.DecodedImage;
import java.util.List;

/**
 * People (faces): BlazeFace finds them; the age and expression heads load on the first face. Which
 * faces count (inside a person box) is {@link NeuralAnalyzers#merge}'s call.
 *
 * @param faces the loaded models
 * @param source their package and version, as {@code models.json} pins them
 */
record FaceStage(FaceAnalyzer faces, String source) implements NeuralStage<List<People.Face>> {

  /** Version of the face pipeline (detection decoding, crops), in provenance. */
  static final String VERSION = "1.0";

  /**
   * The shortest side on which faces are looked for: BlazeFace's finest anchors are 16 px apart on
   * its 256 px input, and the expression model reads a face at 64 × 64; a face of fewer than 24
   * source pixels gives neither anything to see.
   */
  static final int MIN_SIDE = 24;

  @Override
  public Part<List<People.Face>> see(DecodedImage image, int side) {
    return NeuralStage.runAbove(
        side,
        MIN_SIDE,
        "people (faces): face detection",
        "people (faces): face analysis failed: ",
        () -> faces.faces(image.pixels()),
        found ->
            new Provenance(
                "vision.neural.faces",
                VERSION,
                "BlazeFace + GEAR age head + expression from "
                    + source
                    + ", converted to ONNX; "
                    + faces.sha256s()));
  }

  /**
   * The answer when the object detector found no person: no face counts then, so none is looked
   * for. The provenance names the stage and says why it did not run.
   */
  Part<List<People.Face>> noPerson() {
    return new Part<>(
        List.of(),
        List.of(),
        new Provenance(
            "vision.neural.faces",
            VERSION,
            "not run: the object detector found no person, and a face counts only inside a person"
                + " box"),
        -1);
  }

  /** Whether the age and expression heads, which load on first use, have been loaded. */
  boolean headsLoaded() {
    return faces.headsLoaded();
  }

  @Override
  public void close() {
    NeuralStage.closeQuietly(faces);
  }
}
