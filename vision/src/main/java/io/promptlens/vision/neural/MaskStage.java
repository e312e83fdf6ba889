package io.promptlens.vision.neural;

import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.Provenance;
import io.promptlens.vision.StageListener;
import io.promptlens.vision.intake.DecodedImage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Composition under a person mask: MediaPipe's selfie segmentation, the one model that runs after
 * another stage's answer (a person was found), so it loads on first use and runs in {@link
 * NeuralAnalyzers#merge}, not side by side.
 *
 * @param segmenter the model, loaded on first use
 * @param source its package and version, as {@code models.json} pins them
 */
record MaskStage(Lazy<PersonSegmenter> segmenter, String source) implements AutoCloseable {

  /**
   * Version of the person-mask pipeline (resize, threshold, box gating, composition), in
   * provenance.
   */
  static final String VERSION = "1.0";

  /**
   * The composition with the person mask's framing ({@link MaskComposition}), its provenance added;
   * on a failure the composition as given and a note. {@code boxes} are the person boxes the mask
   * is kept inside, null when no object detector ran. Timed as neural.selfie.
   */
  Composition compose(
      Composition composition,
      DecodedImage image,
      @Nullable List<List<Double>> boxes,
      List<String> notes,
      List<Provenance> provenance,
      StageListener stages) {
    long start = System.nanoTime();
    Composition result = composition;
    try {
      PersonSegmenter selfie = segmenter.get();
      PersonSegmenter.Mask mask = selfie.segment(image.pixels(), boxes);
      result = MaskComposition.apply(composition, mask);
      provenance.add(
          new Provenance(
              "vision.neural.selfie",
              VERSION,
              "MediaPipe Selfie segmentation from "
                  + source
                  + ", TF.js graph converted to ONNX; onnx sha256="
                  + selfie.sha256()
                  + "; mask >= "
                  + PersonSegmenter.THRESHOLD
                  + (boxes == null ? "" : " inside person boxes")
                  + (mask.empty() ? "; mask empty, composition measured" : "")));
    } catch (NeuralException e) {
      notes.add("composition (person mask): segmentation failed: " + e.getMessage());
    }
    stages.took("neural.selfie", System.nanoTime() - start);
    return result;
  }

  @Override
  public void close() {
    NeuralStage.closeQuietly(segmenter);
  }
}
