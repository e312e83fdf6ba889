package io.promptlens.vision.neural;

import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.compiler.StatementThresholds;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Photographed or drawn, from the safety network's pooled features: one {@link LogisticProbe} per
 * medium it knows (photo, illustration), fitted by {@code promptlens eval --train-medium-probe} on
 * the tuning rows of {@code eval/statements.csv} and shipped as {@code medium-probe.json}. Its
 * probabilities are the medium's confidence, which {@code StatementThresholds} holds against the
 * thresholds chosen out of fold on the same rows.
 *
 * @param probes one probe per medium label
 * @param trainedOn where the probes come from, for provenance
 */
public record MediumProbe(Map<MediumLabel, LogisticProbe> probes, String trainedOn) {

  /** The resource beside this class. */
  public static final String RESOURCE = "medium-probe.json";

  /**
   * The most a probe probability counts as confidence. Fitted on 144 images of a handful of
   * packages, the probe is surest exactly where it is wrong on a new one: it called 12 of 18
   * digital paintings of a package no split held photographs at 0.976 to 0.999 (eval/RESULTS.md).
   * Its probabilities are kept in the provenance; as confidence they stay under every row of the
   * statement table, so the probe steers nothing that is said.
   */
  public static final double CEILING = 0.9;

  /**
   * How sure the probe must be that a file with a camera's record still looks photographed. The
   * record says where the pixels started, not what they are now: editors keep it through filters
   * (superpixels, posterising, sketch effects) and cameras photograph pages. The record alone was
   * right 34 times in 36 on the eval sets (odds about 11 to 1), and "photograph" needs 0.95 (odds
   * 19 to 1), so the probe's own odds must add less than 2 to 1 (p ≥ 0.62); 0.9 (9 to 1) leaves a
   * factor of five for the probe being surer than it should be on a new source, which it was on
   * painted art (see {@link #CEILING}).
   */
  public static final double CAMERA_AGREEMENT = 0.9;

  /**
   * The confidence of "photograph" when the camera's record and the probe agree ({@link
   * #CAMERA_AGREEMENT}), counted where both were there and the image was looked at. 71 were
   * photographs: the 19 tuning rows of eval/statements.csv with the record at or over the
   * agreement, 11 further camera-record JPEGs of gimp-help-en, fotoxx-common, libvisp-doc and
   * eyes17 (a posterised photo collage among them left uncounted), three wallpapers and a face
   * picture of mate-backgrounds and cinnamon, and, looked at later (2026-12-06), every one of the
   * 37 landing photographs of endless-sky-data (0.9.8-1.2) and the one camera-record JPEG of
   * digikam-data (4:7.9.0-1) that reach the agreement: landscapes, seas and cities of at least two
   * photographers. One was not: mate-backgrounds' full-size Elephants, a photographed and mirrored
   * painting on canvas, whose file keeps the camera's record (a Sony RX100) and which the probe
   * finds photographed at 0.986. (71 + 1) / (72 + 2) = 0.973 by Laplace's rule, over the 0.95 at
   * which the statement table lets "photograph" be said. A photograph of a painting is a painting
   * to whoever looks at it, and neither the record nor the features can tell it from a photograph
   * of the world: that is the failure this number prices in. Every camera-record JPEG of those
   * packages that is no longer a photograph for another reason (three superpixel filter results, a
   * captioned calibration chart) scored 0.07 or less.
   */
  public static final double CAMERA_AND_PROBE_CONFIDENCE = 0.973;

  /** Provenance component of a medium the probe decided. */
  public static final String COMPONENT = "vision.neural.medium-probe";

  public MediumProbe {
    // Label order, so the written file and the provenance read the same in every run.
    Map<MediumLabel, LogisticProbe> ordered = new java.util.EnumMap<>(MediumLabel.class);
    ordered.putAll(probes);
    probes = java.util.Collections.unmodifiableMap(ordered);
  }

  /** The shipped probe, or null when none is shipped. */
  public static @Nullable MediumProbe shipped() {
    ProbeSet set = ProbeSet.resource(RESOURCE);
    return set == null ? null : of(set);
  }

  static MediumProbe read(JsonNode root) {
    return of(ProbeSet.read(root));
  }

  private static MediumProbe of(ProbeSet set) {
    Map<MediumLabel, LogisticProbe> probes = new LinkedHashMap<>();
    set.probes().forEach((name, probe) -> probes.put(MediumLabel.valueOf(name), probe));
    return new MediumProbe(probes, set.trainedOn());
  }

  /** The JSON form {@link #read} reads. */
  public Map<String, Object> toJson() {
    Map<String, LogisticProbe> named = new LinkedHashMap<>();
    probes.forEach((label, probe) -> named.put(label.name(), probe));
    return new ProbeSet(named, trainedOn).toJson();
  }

  /** The probability of each medium the probe knows, for these features. */
  public Map<MediumLabel, Double> probabilities(float[] features) {
    Map<MediumLabel, Double> p = new LinkedHashMap<>();
    probes.forEach((label, probe) -> p.put(label, probe.probability(features)));
    return p;
  }

  /**
   * The medium with the probe's evidence. The probe's most probable medium replaces the measured
   * one when its probability reaches the threshold at which the statement table lets that medium be
   * said ({@code StatementThresholds}, chosen out of fold on the tuning rows): a sure call.
   * Otherwise the measured label stays, with at most one half as its confidence, so that it is not
   * said either: the probe looked and is not sure, and the measured call (a flat graphic, say)
   * keeps steering what else is said about the picture. A measured document stays as it is: text
   * rows on a page are stronger evidence than the features.
   */
  public Medium decide(Medium measured, float[] features, StatementThresholds thresholds) {
    return decide(measured, features, thresholds, false);
  }

  /**
   * {@link #decide(Medium, float[], StatementThresholds)} with the file's camera record: a measured
   * photograph whose file records a camera exposure ({@code DecodedImage.cameraExposure}) is a
   * photograph at {@link #CAMERA_AND_PROBE_CONFIDENCE} when the probe also finds it photographed at
   * {@link #CAMERA_AGREEMENT} or more. Neither alone is enough (see both).
   */
  public Medium decide(
      Medium measured, float[] features, StatementThresholds thresholds, boolean cameraRecord) {
    if (cameraRecord && measured.label() == MediumLabel.PHOTO) {
      Double photographed = probabilities(features).get(MediumLabel.PHOTO);
      if (photographed != null && photographed >= CAMERA_AGREEMENT) {
        return new Medium(MediumLabel.PHOTO, CAMERA_AND_PROBE_CONFIDENCE, measured.styles());
      }
    }
    if (measured.label() == MediumLabel.DOCUMENT
        || thresholds.says(StatementThresholds.medium(measured.label()), measured.confidence())) {
      // Text rows on a page, or a camera's own exposure record, are stronger than the features.
      return measured;
    }
    Map.Entry<MediumLabel, Double> strongest = strongest(features);
    if (strongest != null) {
      double p = Math.min(CEILING, strongest.getValue());
      if (thresholds.says(StatementThresholds.medium(strongest.getKey()), p)) {
        return new Medium(strongest.getKey(), p, measured.styles());
      }
    }
    return new Medium(measured.label(), Math.min(measured.confidence(), 0.5), measured.styles());
  }

  /** The most probable medium the probe knows when its probability is over one half, else null. */
  public Map.@Nullable Entry<MediumLabel, Double> strongest(float[] features) {
    Map.Entry<MediumLabel, Double> best = null;
    for (Map.Entry<MediumLabel, Double> e : probabilities(features).entrySet()) {
      if (e.getValue() > 0.5 && (best == null || e.getValue() > best.getValue())) {
        best = e;
      }
    }
    return best;
  }
}
