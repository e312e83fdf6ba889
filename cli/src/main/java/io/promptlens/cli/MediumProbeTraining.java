package io.promptlens.cli;

import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.vision.intake.ImageIntake;
import io.promptlens.vision.intake.ImageRejectedException;
import io.promptlens.vision.intake.IntakeLimits;
import io.promptlens.vision.neural.LogisticProbe;
import io.promptlens.vision.neural.MediumProbe;
import io.promptlens.vision.neural.SafetyClassifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits the {@link MediumProbe} on the tuning rows of a statement manifest, and chooses the
 * threshold each medium needs for the target precision from out-of-fold probabilities: each tuning
 * image is scored by a probe fitted without it ({@value #FOLDS}-fold), so the threshold is not
 * chosen on probabilities the probe has already seen the answers to. Held-out rows are never read.
 */
final class MediumProbeTraining {

  /** Folds for the out-of-fold probabilities. */
  static final int FOLDS = 5;

  /**
   * L2 penalty on standardised weights. Of 0.01, 0.05 and 0.2 (tried on the tuning rows only), 0.01
   * was the one whose out-of-fold probabilities reached 0.95 precision for both media.
   */
  static final double PENALTY = 0.01;

  static final int ITERATIONS = 300;

  /** The media the probe learns: the two the tuning rows hold enough of. */
  static final List<MediumLabel> LABELS = List.of(MediumLabel.PHOTO, MediumLabel.ILLUSTRATION);

  /** A tuning image: its features and labelled medium. */
  record Row(String file, float[] features, MediumLabel medium) {}

  private MediumProbeTraining() {}

  /** Features of the tuning rows that have a medium label, with the runtime's decode and model. */
  static List<Row> rows(
      List<Map<String, String>> manifest, Path base, SafetyClassifier safety, PrintWriter err)
      throws IOException {
    ImageIntake intake = new ImageIntake(IntakeLimits.defaults());
    List<Row> rows = new ArrayList<>();
    for (Map<String, String> r : manifest) {
      String medium = r.getOrDefault("medium", "");
      if (!"tuning".equals(r.get("split")) || medium.isEmpty()) {
        continue;
      }
      try {
        float[] features =
            safety.assess(intake.decode(base.resolve(r.get("file"))).pixels()).features();
        if (features == null) {
          throw new IOException(
              "the installed nsfw model has no feature output: run `promptlens models fetch`");
        }
        rows.add(new Row(r.get("file"), features, label(medium)));
      } catch (ImageRejectedException e) {
        err.println("promptlens eval: " + r.get("file") + ": " + e.getMessage());
      }
    }
    return rows;
  }

  static MediumLabel label(String medium) {
    return switch (medium) {
      case "3d_render" -> MediumLabel.THREE_D_RENDER;
      default -> MediumLabel.valueOf(medium.toUpperCase(Locale.ROOT));
    };
  }

  /** The probe fitted on all rows. */
  static MediumProbe fit(List<Row> rows, String trainedOn) {
    Map<MediumLabel, LogisticProbe> probes = new EnumMap<>(MediumLabel.class);
    for (MediumLabel label : LABELS) {
      probes.put(label, fitOne(rows, label));
    }
    return new MediumProbe(probes, trainedOn);
  }

  private static LogisticProbe fitOne(List<Row> rows, MediumLabel label) {
    float[][] x = new float[rows.size()][];
    boolean[] y = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      x[i] = rows.get(i).features();
      y[i] = rows.get(i).medium() == label;
    }
    return LogisticProbe.fit(x, y, PENALTY, ITERATIONS);
  }

  /**
   * Out-of-fold candidates: for each row, the medium a probe fitted on the other folds decides
   * ({@link MediumProbe#strongest}, the rule {@link MediumProbe#decide} uses) with its probability,
   * and whether the label agrees. Rows are assigned to folds by position, so the result is
   * reproducible.
   */
  static List<ThresholdCalibration.Candidate> outOfFold(List<Row> rows) {
    List<ThresholdCalibration.Candidate> candidates = new ArrayList<>();
    for (int fold = 0; fold < FOLDS; fold++) {
      List<Row> train = new ArrayList<>();
      List<Row> test = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        (i % FOLDS == fold ? test : train).add(rows.get(i));
      }
      MediumProbe probe = fit(train, "fold " + fold);
      for (Row row : test) {
        Map.Entry<MediumLabel, Double> best = probe.strongest(row.features());
        if (best != null) {
          candidates.add(
              new ThresholdCalibration.Candidate(
                  "medium_" + best.getKey().name().toLowerCase(Locale.ROOT),
                  best.getValue(),
                  best.getKey() == row.medium()));
        }
      }
    }
    return candidates;
  }
}
