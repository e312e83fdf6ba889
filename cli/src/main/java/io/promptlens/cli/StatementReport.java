package io.promptlens.cli;

import io.promptlens.cli.StatementScorer.KindFigures;
import io.promptlens.cli.StatementScorer.SplitFigures;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** Statement figures as a Markdown table (one per split) or as JSON. */
final class StatementReport {

  private StatementReport() {}

  static String table(String target, Map<String, SplitFigures> figures) {
    StringBuilder s = new StringBuilder();
    s.append("Statements (target ").append(target).append(", full mode)\n");
    figures.forEach(
        (split, f) -> {
          s.append("\n| ")
              .append(split)
              .append(" | scored | true | precision | labelled true | said | recall |\n");
          s.append("|---|---:|---:|---:|---:|---:|---:|\n");
          f.kinds().forEach((kind, k) -> s.append(row(kind, k)));
          s.append(row("**overall**", f.overall()));
          s.append(
              String.format(
                  Locale.ROOT,
                  "%nprompts %d; with no false statement %d (%s); subject first %d (%s)%n",
                  f.prompts(),
                  f.promptsWithoutFalse(),
                  percent(f.promptsWithoutFalse(), f.prompts()),
                  f.subjectFirst(),
                  percent(f.subjectFirst(), f.prompts())));
          if (!f.unscoredKinds().isEmpty()) {
            s.append("unscored kinds (phrases):");
            new java.util.TreeMap<>(f.unscoredKinds())
                .forEach((k, n) -> s.append(" ").append(k).append(" ×").append(n).append(";"));
            s.setLength(s.length() - 1);
            s.append('\n');
          }
        });
    return s.toString().stripTrailing();
  }

  private static String row(String kind, KindFigures k) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %s | %d | %d | %s |%n",
        kind,
        k.scored(),
        k.correct(),
        percent(k.correct(), k.scored()),
        k.labelledTrue(),
        k.recalled(),
        percent(k.recalled(), k.labelledTrue()));
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
  }

  static void json(ObjectNode into, String target, Map<String, SplitFigures> figures) {
    into.put("target", target);
    ObjectNode splits = into.putObject("splits");
    figures.forEach(
        (split, f) -> {
          ObjectNode node = splits.putObject(split);
          node.put("prompts", f.prompts());
          node.put("promptsWithoutFalse", f.promptsWithoutFalse());
          node.put("subjectFirst", f.subjectFirst());
          kind(node.putObject("overall"), f.overall());
          ObjectNode kinds = node.putObject("kinds");
          f.kinds().forEach((kind, k) -> kind(kinds.putObject(kind), k));
          ObjectNode unscored = node.putObject("unscoredKinds");
          new java.util.TreeMap<>(f.unscoredKinds()).forEach(unscored::put);
        });
  }

  private static void kind(ObjectNode node, KindFigures k) {
    node.put("scored", k.scored());
    node.put("true", k.correct());
    node.put("labelledTrue", k.labelledTrue());
    node.put("recalled", k.recalled());
    if (k.precision() != null) {
      node.put("precision", Math.round(1000 * k.precision()) / 1000.0);
    }
    if (k.recall() != null) {
      node.put("recall", Math.round(1000 * k.recall()) / 1000.0);
    }
  }
}
