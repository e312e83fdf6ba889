package io.promptlens.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Scores the statements of prompts against the labels of {@code eval/statements.csv}, per split and
 * per kind: precision (true / scored) and recall (labelled-true facts the prompt said / all
 * labelled-true facts), so a prompt that says nothing scores no recall. An empty or missing label
 * is not scored. Only statements the prompt emitted are scored; candidates are for the dump.
 */
final class StatementScorer {

  /** Kinds whose label is {@code true}, {@code false} or empty. */
  static final List<String> BOOLEAN_KINDS =
      List.of(
          "indoor",
          "outdoor",
          "sky",
          "clouds",
          "water",
          "vegetation",
          "snow",
          "sand",
          "backlit",
          "silhouette",
          "golden_hour",
          "blue_hour",
          "night",
          "shallow_dof",
          "bokeh",
          "grain");

  /** Every label column a statement can be scored against. */
  static final List<String> KINDS =
      concat(BOOLEAN_KINDS, List.of("shot_scale", "camera_angle", "medium", "people", "objects"));

  /**
   * Eye level is what every model assumes: the compiler never says it, so it is no fact to miss.
   */
  private static final Set<String> UNSAID_ANGLES = Set.of("eye", "none");

  /** Counts for one kind in one split. */
  record KindFigures(int scored, int correct, int labelledTrue, int recalled) {

    KindFigures plus(KindFigures o) {
      return new KindFigures(
          scored + o.scored,
          correct + o.correct,
          labelledTrue + o.labelledTrue,
          recalled + o.recalled);
    }

    /** Null when nothing was scored. */
    @Nullable Double precision() {
      return scored == 0 ? null : (double) correct / scored;
    }

    /** Null when nothing was labelled true. */
    @Nullable Double recall() {
      return labelledTrue == 0 ? null : (double) recalled / labelledTrue;
    }
  }

  /** The figures of one split. */
  record SplitFigures(
      int prompts,
      int promptsWithoutFalse,
      int subjectFirst,
      Map<String, KindFigures> kinds,
      Map<String, Integer> unscoredKinds) {

    KindFigures overall() {
      return kinds.values().stream().reduce(new KindFigures(0, 0, 0, 0), KindFigures::plus);
    }
  }

  private final Map<String, int[]> prompts = new TreeMap<>();
  private final Map<String, Map<String, int[]>> kinds = new TreeMap<>();
  private final Map<String, Map<String, Integer>> unscored = new TreeMap<>();

  /**
   * Adds one labelled prompt.
   *
   * @param labels label column to value; a missing or empty value is unknown
   * @param statements the prompt's statements (candidates with {@code emitted} false are ignored)
   * @param unscoredKinds the phrases the kind table could not read, by kind key
   * @param subjectFirst whether the prompt opens with what the picture is of
   */
  void add(
      String split,
      Map<String, String> labels,
      List<Statement> statements,
      List<String> unscoredKinds,
      boolean subjectFirst) {
    int[] p = prompts.computeIfAbsent(split, s -> new int[3]);
    p[0]++;
    boolean anyFalse = false;
    Map<String, int[]> counts = kinds.computeIfAbsent(split, s -> new TreeMap<>());
    List<Statement> said = statements.stream().filter(Statement::emitted).toList();
    for (Statement s : said) {
      Boolean truth = truth(s, labels);
      if (truth != null) {
        int[] c = counts.computeIfAbsent(s.kind(), k -> new int[4]);
        c[0]++;
        if (truth) {
          c[1]++;
        } else {
          anyFalse = true;
        }
      }
    }
    for (StatementKinds.Claim fact : facts(labels)) {
      int[] c = counts.computeIfAbsent(fact.kind(), k -> new int[4]);
      c[2]++;
      if (said.stream().anyMatch(s -> recalls(s, fact, labels))) {
        c[3]++;
      }
    }
    if (!anyFalse) {
      p[1]++;
    }
    if (subjectFirst) {
      p[2]++;
    }
    Map<String, Integer> u = unscored.computeIfAbsent(split, s -> new TreeMap<>());
    unscoredKinds.forEach(k -> u.merge(k, 1, Integer::sum));
  }

  /** The figures so far, by split. */
  Map<String, SplitFigures> figures() {
    Map<String, SplitFigures> out = new TreeMap<>();
    prompts.forEach(
        (split, p) -> {
          Map<String, KindFigures> byKind = new TreeMap<>();
          kinds
              .getOrDefault(split, Map.of())
              .forEach((k, c) -> byKind.put(k, new KindFigures(c[0], c[1], c[2], c[3])));
          out.put(
              split,
              new SplitFigures(
                  p[0], p[1], p[2], byKind, Map.copyOf(unscored.getOrDefault(split, Map.of()))));
        });
    return out;
  }

  /** True or false against the labels; null when the label is unknown. */
  static @Nullable Boolean truth(Statement s, Map<String, String> labels) {
    String label = labels.get(s.kind());
    if (label == null || label.isBlank()) {
      // An objects column that exists but is empty says "no objects"; a missing one says nothing.
      if (!(s.kind().equals("objects") && label != null)) {
        return null;
      }
    }
    label = label.strip();
    return switch (s.kind()) {
      case "people" -> peopleTruth(s.value(), label);
      case "objects" -> objectTruth(s.value(), label);
      case "shot_scale", "camera_angle", "medium" -> label.equals(s.value());
      default -> BOOLEAN_KINDS.contains(s.kind()) ? label.equals(s.value()) : null;
    };
  }

  /** Labels are a count, {@code crowd}, or {@code N+crowd} (N main people before a crowd). */
  private static Boolean peopleTruth(String said, String label) {
    if (said.equals("crowd")) {
      return label.contains("crowd");
    }
    // "a person" before a crowd is true of "1+crowd"; "9 people" for it is not.
    return label.equals(said) || label.equals(said + "+crowd");
  }

  private static @Nullable Boolean objectTruth(String said, String label) {
    for (String name : label.split(";")) {
      String n = name.strip();
      if (n.equals(said)) {
        return true;
      }
      if (n.equals("?" + said)) {
        return null;
      }
    }
    return false;
  }

  /** Labelled-true facts a complete prompt would state. */
  static List<StatementKinds.Claim> facts(Map<String, String> labels) {
    List<StatementKinds.Claim> facts = new ArrayList<>();
    for (String kind : BOOLEAN_KINDS) {
      if ("true".equals(strip(labels.get(kind)))) {
        facts.add(new StatementKinds.Claim(kind, "true"));
      }
    }
    String scale = strip(labels.get("shot_scale"));
    if (!scale.isEmpty() && !scale.equals("none")) {
      facts.add(new StatementKinds.Claim("shot_scale", scale));
    }
    String angle = strip(labels.get("camera_angle"));
    if (!angle.isEmpty() && !UNSAID_ANGLES.contains(angle)) {
      facts.add(new StatementKinds.Claim("camera_angle", angle));
    }
    String medium = strip(labels.get("medium"));
    if (!medium.isEmpty()) {
      facts.add(new StatementKinds.Claim("medium", medium));
    }
    String people = strip(labels.get("people"));
    if (!people.isEmpty() && !people.equals("0")) {
      facts.add(new StatementKinds.Claim("people", people));
    }
    for (String name : strip(labels.get("objects")).split(";")) {
      String n = name.strip();
      if (!n.isEmpty() && !n.startsWith("?")) {
        facts.add(new StatementKinds.Claim("objects", n));
      }
    }
    return facts;
  }

  private static boolean recalls(
      Statement s, StatementKinds.Claim fact, Map<String, String> labels) {
    // Any true count recalls the people; other kinds must state the labelled value itself.
    return s.kind().equals(fact.kind())
        && (s.kind().equals("people") || s.value().equals(fact.value()))
        && Boolean.TRUE.equals(truth(s, labels));
  }

  private static String strip(@Nullable String s) {
    return s == null ? "" : s.strip();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /** For tests: one split's figures for a single kind, or zeros. */
  static KindFigures kind(Map<String, SplitFigures> figures, String split, String kind) {
    SplitFigures f = figures.get(split);
    return f == null ? new KindFigures(0, 0, 0, 0) : f.kinds().getOrDefault(kind, zero());
  }

  private static KindFigures zero() {
    return new KindFigures(0, 0, 0, 0);
  }
}
