package io.promptlens.cli;

import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.vision.intake.ImageIntake;
import io.promptlens.vision.intake.ImageRejectedException;
import io.promptlens.vision.intake.IntakeLimits;
import io.promptlens.vision.neural.LogisticProbe;
import io.promptlens.vision.neural.MediumProbe;
import io.promptlens.vision.neural.ProbeSet;
import io.promptlens.vision.neural.SafetyClassifier;
import io.promptlens.vision.neural.SceneProbe;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Fits the probes over the safety network's features ({@link MediumProbe}, {@link SceneProbe}) on
 * the tuning rows of a statement manifest, and chooses the threshold each statement needs for the
 * target precision from out-of-fold probabilities: each tuning image is scored by a probe fitted
 * without its package ({@link #folds}), so the threshold is not chosen on probabilities the probe
 * has already seen the answers to. Held-out rows are never read.
 */
final class ProbeTraining {

  /** Folds by position for rows without a package (see {@link #folds}). */
  static final int FOLDS = 5;

  /**
   * L2 penalty on standardised weights. Of 0.01, 0.05 and 0.2 (tried on the tuning rows only, for
   * the medium probe), 0.01 was the one whose out-of-fold probabilities reached 0.95 precision for
   * both media; the scene probe uses the same.
   */
  static final double PENALTY = 0.01;

  static final int ITERATIONS = 300;

  /** The media the medium probe learns: the two the tuning rows hold enough of. */
  static final List<MediumLabel> MEDIA = List.of(MediumLabel.PHOTO, MediumLabel.ILLUSTRATION);

  /**
   * The scene labels the scene probe learns: the manifest columns of the same name, those with
   * enough labelled positives on the tuning rows (snow, sand, the light cues have a handful).
   */
  static final List<String> SCENE =
      List.of("outdoor", "indoor", "sky", "clouds", "water", "vegetation");

  /** A tuning image: its features and its manifest labels. */
  record Row(String file, float[] features, Map<String, String> labels) {

    String label(String column) {
      return labels.getOrDefault(column, "");
    }
  }

  private ProbeTraining() {}

  /** Features of the tuning rows, with the runtime's decode and model. */
  static List<Row> rows(
      List<Map<String, String>> manifest, Path base, SafetyClassifier safety, PrintWriter err)
      throws IOException {
    ImageIntake intake = new ImageIntake(IntakeLimits.defaults());
    List<Row> rows = new ArrayList<>();
    for (Map<String, String> r : manifest) {
      if (!"tuning".equals(r.get("split"))) {
        continue;
      }
      // A manifest without a file column names no image: "" resolves to its folder, which fails to
      // decode, as eval's scoring treats the same row.
      String file = r.getOrDefault("file", "");
      try {
        float[] features = safety.assess(intake.decode(base.resolve(file)).pixels()).features();
        if (features == null) {
          throw new IOException(
              "the installed nsfw model has no feature output: run `promptlens models fetch`");
        }
        rows.add(new Row(file, features, r));
      } catch (ImageRejectedException e) {
        err.println("promptlens eval: " + file + ": " + e.getMessage());
      }
    }
    return rows;
  }

  static MediumLabel medium(String medium) {
    return switch (medium) {
      case "3d_render" -> MediumLabel.THREE_D_RENDER;
      default -> MediumLabel.valueOf(medium.toUpperCase(Locale.ROOT));
    };
  }

  /** The rows with a medium label. */
  static List<Row> withMedium(List<Row> rows) {
    return rows.stream().filter(r -> !r.label("medium").isEmpty()).toList();
  }

  /** The rows labelled true or false for a scene column. */
  static List<Row> withScene(List<Row> rows, String column) {
    return rows.stream().filter(r -> bool(r.label(column)) != null).toList();
  }

  /**
   * Whether a row labelled for the column (one of {@link #withScene}) is labelled true: on those
   * rows the label is true or false, never empty.
   */
  private static boolean isTrue(Row row, String column) {
    return "true".equals(row.label(column));
  }

  private static @Nullable Boolean bool(String value) {
    return switch (value) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** The medium probe fitted on all rows with a medium label. */
  static MediumProbe fitMedium(List<Row> rows, String trainedOn) {
    List<Row> labelled = withMedium(rows);
    Map<MediumLabel, LogisticProbe> probes = new EnumMap<>(MediumLabel.class);
    for (MediumLabel label : MEDIA) {
      probes.put(label, fit(labelled, r -> medium(r.label("medium")) == label));
    }
    return new MediumProbe(probes, trainedOn);
  }

  /** The scene probe: one probe per scene label, each fitted on the rows labelled for it. */
  static SceneProbe fitScene(List<Row> rows, String trainedOn) {
    Map<String, LogisticProbe> probes = new LinkedHashMap<>();
    for (String column : SCENE) {
      List<Row> labelled = withScene(rows, column);
      if (labelled.stream().anyMatch(r -> isTrue(r, column))
          && labelled.stream().anyMatch(r -> !isTrue(r, column))) {
        probes.put(column, fit(labelled, r -> isTrue(r, column)));
      }
    }
    return new SceneProbe(new ProbeSet(probes, trainedOn));
  }

  private static LogisticProbe fit(List<Row> rows, Predicate<Row> positive) {
    float[][] x = new float[rows.size()][];
    boolean[] y = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      x[i] = rows.get(i).features();
      y[i] = positive.test(rows.get(i));
    }
    return LogisticProbe.fit(x, y, PENALTY, ITERATIONS);
  }

  /**
   * The fold of each row: its package, so that every image is scored by a probe that has seen no
   * image of the same source (leave one package out). Images of one package share a style and often
   * near-twins (two drawn bedrooms, two views of one court), and a probe that has seen the twin is
   * surer of the other than it will be of a user's pictures, which come from sources it has never
   * seen. Rows without a package fall into {@value #FOLDS} folds by position.
   */
  static List<List<Row>> folds(List<Row> rows) {
    Map<String, List<Row>> byGroup = new java.util.TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String group = row.label("package").isEmpty() ? "#" + (i % FOLDS) : row.label("package");
      byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(row);
    }
    return new ArrayList<>(byGroup.values());
  }

  private static List<Row> without(List<Row> rows, List<Row> fold) {
    java.util.Set<Row> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    out.addAll(fold);
    return rows.stream().filter(r -> !out.contains(r)).toList();
  }

  /**
   * Out-of-fold medium candidates: for each row, the medium a probe fitted on the other folds
   * decides ({@link MediumProbe#strongest}, the rule {@link MediumProbe#decide} uses) with its
   * probability, and whether the label agrees.
   */
  static List<ThresholdCalibration.Candidate> mediumOutOfFold(List<Row> rows) {
    List<Row> labelled = withMedium(rows);
    List<ThresholdCalibration.Candidate> candidates = new ArrayList<>();
    for (List<Row> test : folds(labelled)) {
      List<Row> train = without(labelled, test);
      if (train.isEmpty()) {
        continue;
      }
      MediumProbe probe = fitMedium(train, "without " + test.get(0).label("package"));
      for (Row row : test) {
        Map.Entry<MediumLabel, Double> best = probe.strongest(row.features());
        if (best != null) {
          candidates.add(
              new ThresholdCalibration.Candidate(
                  "medium_" + best.getKey().name().toLowerCase(Locale.ROOT),
                  best.getValue(),
                  best.getKey() == medium(row.label("medium"))));
        }
      }
    }
    return candidates;
  }

  /**
   * Out-of-fold scene candidates: for each scene label and each row labelled for it, the
   * probability a probe fitted on the other folds gives, where it lists the label ({@link
   * SceneProbe#decide} lists a label over one half), and whether the label says it is there.
   */
  static List<ThresholdCalibration.Candidate> sceneOutOfFold(List<Row> rows) {
    List<ThresholdCalibration.Candidate> candidates = new ArrayList<>();
    for (String column : SCENE) {
      List<Row> labelled = withScene(rows, column);
      for (List<Row> test : folds(labelled)) {
        List<Row> train = without(labelled, test);
        if (train.stream().noneMatch(r -> isTrue(r, column))
            || train.stream().allMatch(r -> isTrue(r, column))) {
          continue;
        }
        LogisticProbe probe = fit(train, r -> isTrue(r, column));
        for (Row row : test) {
          double p = probe.probability(row.features());
          if (p > 0.5) {
            candidates.add(
                new ThresholdCalibration.Candidate("scene_" + column, p, isTrue(row, column)));
          }
        }
      }
    }
    return candidates;
  }
}
