package io.promptlens.vision.neural;

import io.promptlens.core.analysis.Provenance;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.models.ModelStore;
import java.util.List;

/**
 * Subjects and people: MB3-CenterNet's COCO objects.
 *
 * @param detector the loaded model
 * @param source its package and version, as {@code models.json} pins them
 */
record ObjectStage(ObjectDetector detector, String source)
    implements NeuralStage<List<ObjectDetector.Detection>> {

  /** Version of the object pipeline (letterbox, decoding, NMS), in provenance. */
  static final String VERSION = "1.1";

  /**
   * The shortest side on which object detection is run: CenterNet finds objects on a 128 × 128 grid
   * of its 512 px input, and COCO's "small" objects start around 16 px; a smaller image is a
   * stretched blur to it.
   */
  static final int MIN_SIDE = 16;

  @Override
  public Part<List<ObjectDetector.Detection>> see(DecodedImage image, int side) {
    return NeuralStage.runAbove(
        side,
        MIN_SIDE,
        "subjects and people: object detection",
        "subjects and people: object detection failed: ",
        () -> detector.detect(image.pixels()),
        found ->
            new Provenance(
                "vision.neural.centernet",
                VERSION,
                "MB3-CenterNet (COCO-80) from "
                    + source
                    + ", TF.js graph converted to ONNX by converter "
                    + ModelStore.CONVERTER_VERSION
                    + "; onnx sha256="
                    + detector.sha256()
                    + "; score >= "
                    + ObjectDetector.MIN_SCORE
                    + ", NMS IoU "
                    + ObjectDetector.IOU));
  }

  @Override
  public void close() {
    NeuralStage.closeQuietly(detector);
  }
}
