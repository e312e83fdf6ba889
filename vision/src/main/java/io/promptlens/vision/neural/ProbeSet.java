package io.promptlens.vision.neural;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Named {@link LogisticProbe}s over the safety network's pooled features, as shipped in a JSON
 * resource beside this class ({@code medium-probe.json}, {@code scene-probe.json}): the form that
 * {@code promptlens eval --train-…-probe} writes and the runtime reads.
 *
 * @param probes one probe per name, in name order (so a written file reads the same every run)
 * @param trainedOn where the probes come from, for provenance
 */
public record ProbeSet(Map<String, LogisticProbe> probes, String trainedOn) {

  public ProbeSet {
    probes = Collections.unmodifiableMap(new TreeMap<>(probes));
  }

  /** The resource of that name beside this class, or null when none is shipped. */
  public static @Nullable ProbeSet resource(String name) {
    try (InputStream in = ProbeSet.class.getResourceAsStream(name)) {
      return in == null ? null : read(JsonMapper.builder().build().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ProbeSet read(JsonNode root) {
    Map<String, LogisticProbe> probes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.path("probes").properties()) {
      JsonNode p = e.getValue();
      double[] w = new double[p.path("weights").size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = p.path("weights").get(i).asDouble();
      }
      probes.put(e.getKey(), new LogisticProbe(w, p.path("bias").asDouble()));
    }
    return new ProbeSet(probes, root.path("trainedOn").asString());
  }

  /** The JSON form {@link #read} reads. */
  public Map<String, Object> toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("features", SafetyClassifier.FEATURES);
    root.put("trainedOn", trainedOn);
    Map<String, Object> out = new LinkedHashMap<>();
    probes.forEach(
        (name, probe) -> {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("bias", probe.bias());
          p.put("weights", probe.weights());
          out.put(name, p);
        });
    root.put("probes", out);
    return root;
  }

  /** The probability each probe gives these features, in name order. */
  public Map<String, Double> probabilities(float[] features) {
    Map<String, Double> p = new LinkedHashMap<>();
    probes.forEach((name, probe) -> p.put(name, probe.probability(features)));
    return p;
  }
}
