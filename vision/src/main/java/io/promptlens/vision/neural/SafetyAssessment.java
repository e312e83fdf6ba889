package io.promptlens.vision.neural;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the safety classifier says about an image; the proposed {@code safety} section of the
 * analysis (see the lead's report) carries the same fields.
 *
 * @param verdict {@code safe}, {@code suggestive} or {@code explicit}
 * @param nsfw probability of any not-safe-for-work class (hentai + porn + sexy), 0..1
 * @param drawing probability that the image is drawn rather than photographed (drawing + hentai)
 * @param classes each nsfwjs class with its probability
 * @param features the network's pooled features (null when the installed model predates them); read
 *     by {@link MediumProbe}, never serialised
 */
public record SafetyAssessment(
    String verdict,
    double nsfw,
    double drawing,
    Map<String, Double> classes,
    float @Nullable [] features) {

  // Written out rather than compact: NullAway reads the annotated array component only here.
  public SafetyAssessment(
      String verdict,
      double nsfw,
      double drawing,
      Map<String, Double> classes,
      float @Nullable [] features) {
    this.verdict = verdict;
    this.nsfw = nsfw;
    this.drawing = drawing;
    this.classes = Map.copyOf(classes);
    this.features = features;
  }

  /** Without features, as tests and older models give it. */
  public SafetyAssessment(
      String verdict, double nsfw, double drawing, Map<String, Double> classes) {
    this(verdict, nsfw, drawing, classes, null);
  }
}
