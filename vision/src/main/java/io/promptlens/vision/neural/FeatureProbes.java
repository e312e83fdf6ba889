package io.promptlens.vision.neural;

import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.Provenance;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.compiler.StatementThresholds;
import io.promptlens.vision.scene.SkyCall;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The probes on the safety network's pooled features: the medium probe's and the scene probe's call
 * on the measured medium and scene, each with its provenance entry. No model of their own: they
 * read what {@link SafetyStage} saw.
 */
final class FeatureProbes {

  /** How sure the classifier must be that a picture is photographed to overrule the measures. */
  static final double PHOTO_CERTAINTY = 0.9;

  private FeatureProbes() {}

  /**
   * The medium: with the shipped medium probe and the features, the probe decides ({@link
   * MediumProbe#decide}, with the file's camera record) and adds its probabilities to {@code
   * provenance}; otherwise the rule without the probe ({@link #medium(Medium, SafetyAssessment)}).
   */
  static Medium medium(
      Medium measured,
      SafetyAssessment assessment,
      boolean cameraRecord,
      List<Provenance> provenance) {
    MediumProbe probe = Shipped.MEDIUM;
    float[] features = assessment.features();
    if (probe == null || features == null) {
      return medium(measured, assessment);
    }
    Medium decided = probe.decide(measured, features, StatementThresholds.DEFAULT, cameraRecord);
    provenance.add(
        new Provenance(
            MediumProbe.COMPONENT,
            "1",
            detail(probe.probabilities(features), label -> label.name().toLowerCase(Locale.ROOT))
                + probe.trainedOn()));
    return decided;
  }

  /**
   * The classifier's drawn-versus-photographed signal settles one case the measures leave open, and
   * only that one: a measured 3D render or unknown (the weakest calls the measures make) becomes a
   * photo when the classifier is at least {@value #PHOTO_CERTAINTY} sure. Otherwise the signal is
   * unreliable (on the evaluation sets, photographs of cats and of a street scored 0.59–0.79
   * "drawing", and clip-art cartoons 0.01–0.5), so it never overrules the measured medium; an
   * earlier rule that let it turn a noise-free "photo" into an illustration called real photographs
   * drawings and no cartoon a drawing, and was removed. This is the rule without the probe's
   * features (a model converted before they were kept).
   */
  static Medium medium(Medium measured, SafetyAssessment assessment) {
    MediumLabel label = measured.label();
    boolean unsure = label == MediumLabel.THREE_D_RENDER || label == MediumLabel.UNKNOWN;
    double photographed = 1 - assessment.drawing();
    if (unsure && photographed >= PHOTO_CERTAINTY) {
      // A classifier's probability is never certainty (1 is kept for facts given as certain).
      return new Medium(MediumLabel.PHOTO, Math.min(0.99, photographed), measured.styles());
    }
    return measured;
  }

  /**
   * The scene with the probes' evidence, when the features are there: the sky call with the medium
   * probe's photograph probability ({@link SkyCall}), then the scene probe, when one is shipped, on
   * the labels it knows.
   */
  static Scene scene(
      Scene measured, int shortSide, SafetyAssessment assessment, List<Provenance> provenance) {
    float[] features = assessment.features();
    if (features == null) {
      return measured;
    }
    MediumProbe medium = Shipped.MEDIUM;
    Map<MediumLabel, Double> p = medium == null ? Map.of() : medium.probabilities(features);
    Double photographed = p.get(MediumLabel.PHOTO);
    Scene scene =
        photographed == null
            ? measured
            : SkyCall.decide(
                measured, photographed, p.getOrDefault(MediumLabel.ILLUSTRATION, 0.0), shortSide);
    SceneProbe probe = Shipped.SCENE;
    if (probe == null) {
      return scene;
    }
    provenance.add(
        new Provenance(
            SceneProbe.COMPONENT,
            "1",
            detail(probe.probabilities(features), String::valueOf) + probe.set().trainedOn()));
    return probe.decide(scene, features);
  }

  /** "linear probes on ...; label p; ...; fitted on " for a probe's probabilities. */
  private static <L> String detail(
      Map<L, Double> probabilities, java.util.function.Function<L, String> name) {
    StringBuilder detail = new StringBuilder("linear probes on the nsfw network's pooled features");
    probabilities.forEach(
        (label, p) ->
            detail
                .append("; ")
                .append(name.apply(label))
                .append(' ')
                .append(Math.round(p * 1000) / 1000.0));
    return detail.append("; fitted on ").toString();
  }

  /** The shipped probes, read on first use (class initialisation is once and thread-safe). */
  private static final class Shipped {
    static final @Nullable MediumProbe MEDIUM = MediumProbe.shipped();
    static final @Nullable SceneProbe SCENE = SceneProbe.shipped();
  }
}
