package io.promptlens.vision.neural;

import io.promptlens.core.analysis.Scene;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the scene holds (outdoor, indoor, sky, clouds, water, vegetation), from the safety network's
 * pooled features: one {@link LogisticProbe} per scene label, fitted by {@code promptlens eval
 * --train-scene-probe} on the tuning rows of {@code eval/statements.csv} and shipped as {@code
 * scene-probe.json}. Its probabilities are the labels' confidences, which {@code
 * StatementThresholds} holds against thresholds chosen out of fold on the same rows.
 *
 * <p>The measured scene analyzer reads grid-cell colours (blue at the top is "sky", green is
 * "vegetation"); the probe has seen what those colours belong to. For a label the probe knows, its
 * probability decides alone: the measured guess of the same name is dropped, so each label is
 * decided once. Labels it does not know (snow, sand, a night sky, a page) stay as measured.
 *
 * @param set the probes, named by scene label ("outdoor", "sky", …)
 */
public record SceneProbe(ProbeSet set) {

  /** The resource beside this class. */
  public static final String RESOURCE = "scene-probe.json";

  /** Provenance component and label source of what the probe decided. */
  public static final String COMPONENT = "vision.neural.scene-probe";

  /** A label is listed when its probability is over one half: more likely there than not. */
  static final double LISTED = 0.5;

  /** The shipped probe, or null when none is shipped. */
  public static @Nullable SceneProbe shipped() {
    ProbeSet set = ProbeSet.resource(RESOURCE);
    return set == null ? null : new SceneProbe(set);
  }

  static SceneProbe read(JsonNode root) {
    return new SceneProbe(ProbeSet.read(root));
  }

  /** The probability of each label the probe knows, for these features. */
  public Map<String, Double> probabilities(float[] features) {
    return set.probabilities(features);
  }

  /**
   * The scene with the probe's evidence: the measured labels the probe does not know, after the
   * labels it finds more likely than not, most probable first. Indoor and outdoor exclude each
   * other: only the more probable of the two is listed.
   */
  public Scene decide(Scene measured, float[] features) {
    Map<String, Double> p = probabilities(features);
    List<Scene.Label> labels = new ArrayList<>();
    p.forEach(
        (name, probability) -> {
          if (probability > LISTED && !outweighed(name, probability, p)) {
            // A probability is never certainty (1 is kept for facts given as certain).
            labels.add(new Scene.Label(name, Math.min(0.999, probability), COMPONENT));
          }
        });
    labels.sort(Comparator.comparingDouble(Scene.Label::confidence).reversed());
    for (Scene.Label label : measured.labels()) {
      if (!p.containsKey(label.label().toLowerCase(Locale.ROOT))) {
        labels.add(label);
      }
    }
    return new Scene(labels);
  }

  private static boolean outweighed(String name, double probability, Map<String, Double> p) {
    String other =
        switch (name) {
          case "indoor" -> "outdoor";
          case "outdoor" -> "indoor";
          default -> null;
        };
    return other != null && p.getOrDefault(other, 0.0) > probability;
  }
}
