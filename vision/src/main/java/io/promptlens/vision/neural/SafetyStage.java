package io.promptlens.vision.neural;

import io.promptlens.core.analysis.Provenance;
import io.promptlens.core.analysis.Safety;
import io.promptlens.vision.intake.DecodedImage;
import java.util.ArrayList;

/**
 * Safety and medium: nsfwjs's classifier, whose pooled features the {@link FeatureProbes} read for
 * the medium and the scene. It has no size floor: it always runs.
 *
 * @param classifier the loaded model
 * @param source its package and version, as {@code models.json} pins them
 */
record SafetyStage(SafetyClassifier classifier, String source)
    implements NeuralStage<SafetyAssessment> {

  /** Version of the safety pipeline (resize, verdict thresholds), in provenance. */
  static final String VERSION = "1.0";

  @Override
  public Part<SafetyAssessment> see(DecodedImage image, int side) {
    return NeuralStage.run(
        new ArrayList<>(),
        "safety and medium: the nsfw model failed: ",
        () -> classifier.assess(image.pixels()),
        assessment ->
            new Provenance(
                "vision.neural.nsfw",
                VERSION,
                source
                    + " MobileNetV2Mid, TF.js graph converted to ONNX; onnx sha256="
                    + classifier.sha256()));
  }

  /** The analysis's safety section from an assessment. */
  static Safety section(SafetyAssessment assessment) {
    return new Safety(
        assessment.verdict(),
        assessment.nsfw(),
        assessment.drawing(),
        assessment.classes(),
        "vision.neural.nsfw");
  }

  @Override
  public void close() {
    NeuralStage.closeQuietly(classifier);
  }
}
