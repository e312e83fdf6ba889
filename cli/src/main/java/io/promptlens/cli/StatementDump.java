package io.promptlens.cli;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One CSV row per candidate statement for {@code eval --dump-statements}: what it claims, where it
 * came from, the analysis' confidence and what the label says, so thresholds per kind can be chosen
 * on the tuning rows (a candidate the prompt did not say has {@code emitted} false).
 */
final class StatementDump {

  static final String HEADER = "file,split,kind,value,phrase,source,emitted,confidence,label,truth";

  private StatementDump() {}

  /**
   * @param labels the row's labels by column; {@code truth} is empty where they do not judge it
   */
  static String row(String file, String split, Statement s, Map<String, String> labels) {
    Boolean truth = StatementScorer.truth(s, labels);
    return Stream.of(
            file,
            split,
            s.kind(),
            s.value(),
            s.phrase(),
            s.source(),
            Boolean.toString(s.emitted()),
            s.confidence() == null ? "" : s.confidence().toString(),
            labels.getOrDefault(s.kind(), ""),
            truth == null ? "" : truth.toString())
        .map(StatementDump::quoted)
        .collect(Collectors.joining(","));
  }

  /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
  static String quoted(String field) {
    String f = field == null ? "" : field;
    return f.matches("(?s).*[,\"\\n\\r].*") ? "\"" + f.replace("\"", "\"\"") + "\"" : f;
  }
}
