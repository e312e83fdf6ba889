package io.promptlens.cli;

import io.promptlens.core.compiler.PhraseSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The checkable statements of one compiled prompt, read from its anatomy through {@link
 * StatementKinds}, with the analysis' confidence for each where the analysis JSON holds one, plus
 * the scene labels and detections the prompt left out (as candidates with {@code emitted} false,
 * the data for choosing thresholds).
 *
 * @param statements emitted statements first, then candidates
 * @param unscoredKinds one key per emitted phrase the kind table could not read
 * @param subjectFirst whether the prompt opens with what the picture is of
 */
record PromptStatements(
    List<Statement> statements, List<String> unscoredKinds, boolean subjectFirst) {

  private static final Pattern PATH_STEP = Pattern.compile("([A-Za-z_]+)(?:\\[(\\d+)\\])?");

  /**
   * Lists in the analysis whose entries are candidate statements even when the prompt omits them.
   */
  private static final List<String> CANDIDATE_LISTS = List.of("scene.labels", "subjects");

  /**
   * @param anatomy the prompt's phrases with their sources
   * @param analysis the analysis as JSON ({@code AnalysisJson.mapper().valueToTree(analysis)})
   */
  static PromptStatements of(List<PhraseSpan> anatomy, JsonNode analysis) {
    List<Statement> statements = new ArrayList<>();
    List<String> unscored = new ArrayList<>();
    Set<String> emittedSources = new HashSet<>();
    for (PhraseSpan span : anatomy) {
      StatementKinds.Reading reading = StatementKinds.read(span.source(), span.text());
      if (reading.unscoredKind() != null) {
        unscored.add(reading.unscoredKind());
      }
      for (StatementKinds.Claim claim : reading.claims()) {
        statements.add(
            new Statement(
                claim.kind(),
                claim.value(),
                span.text(),
                span.source(),
                true,
                confidence(analysis, span.source())));
        emittedSources.add(listEntry(span.source()));
      }
    }
    for (String list : CANDIDATE_LISTS) {
      JsonNode entries = node(analysis, list);
      for (int i = 0; entries != null && i < entries.size(); i++) {
        String entry = list + "[" + i + "]";
        String label = entries.get(i).path("label").asString("");
        if (emittedSources.contains(entry) || label.isEmpty()) {
          continue;
        }
        String source = list.equals("subjects") ? entry + ".label" : entry;
        for (StatementKinds.Claim claim : StatementKinds.read(source, label).claims()) {
          statements.add(
              new Statement(
                  claim.kind(), claim.value(), label, source, false, confidence(analysis, source)));
        }
      }
    }
    return new PromptStatements(statements, unscored, subjectFirst(anatomy));
  }

  /**
   * Whether the first phrase that is not the medium's frame ("A photograph of") or a target's fixed
   * tag comes from a subject: a detection, a named or described subject, the people count or the
   * user's {@code --subject}.
   */
  static boolean subjectFirst(List<PhraseSpan> anatomy) {
    for (PhraseSpan span : anatomy) {
      String source = span.source() == null ? "" : span.source();
      if (source.startsWith("medium.") || source.startsWith("target.")) {
        continue;
      }
      return source.startsWith("subjects[")
          || source.startsWith("subject.")
          || source.equals("subject")
          || source.equals("people.count")
          || source.equals("controls.subject");
    }
    return false;
  }

  /** {@code subjects[2].label} → {@code subjects[2]}; {@code scene.labels[1]} stays. */
  private static String listEntry(String source) {
    return source == null ? "" : source.replaceFirst("(\\[\\d+\\])\\.[A-Za-z]+$", "$1");
  }

  /**
   * The probability or confidence the analysis holds for the field at {@code source}: the field's
   * own {@code probability}/{@code confidence} when it is an object, the {@code <name>Probability}
   * or {@code <name>Confidence} sibling of a plain field, or its list entry's for a {@code label}
   * or {@code box}. Probabilities come first: they are the calibrated ones where both exist.
   */
  static @Nullable Double confidence(@Nullable JsonNode analysis, @Nullable String source) {
    if (analysis == null || source == null) {
      return null;
    }
    int dot = source.lastIndexOf('.');
    String parentPath = dot < 0 ? "" : source.substring(0, dot);
    String leaf = dot < 0 ? source : source.substring(dot + 1);
    JsonNode parent = parentPath.isEmpty() ? analysis : node(analysis, parentPath);
    JsonNode self = node(analysis, source);
    List<JsonNode> candidates = new ArrayList<>();
    if (self != null && self.isObject()) {
      candidates.add(self.get("probability"));
      candidates.add(self.get("confidence"));
    }
    if (parent != null && parent.isObject()) {
      String name = leaf.replaceFirst("\\[\\d+\\]$", "");
      candidates.add(parent.get(name + "Probability"));
      candidates.add(parent.get(name + "Confidence"));
      if (name.equals("label") || name.equals("box")) {
        candidates.add(parent.get("probability"));
        candidates.add(parent.get("confidence"));
      }
    }
    return candidates.stream()
        .filter(n -> n != null && n.isNumber())
        .map(JsonNode::asDouble)
        .findFirst()
        .orElse(null);
  }

  /** The node at a dotted path with list indices ({@code scene.labels[0]}); null when absent. */
  static @Nullable JsonNode node(JsonNode root, String path) {
    JsonNode current = root;
    for (String step : path.split("\\.")) {
      Matcher m = PATH_STEP.matcher(step);
      if (current == null || !m.matches()) {
        return null;
      }
      current = current.get(m.group(1));
      if (current != null && m.group(2) != null) {
        int index = Integer.parseInt(m.group(2));
        current = current.isArray() && index < current.size() ? current.get(index) : null;
      }
    }
    return current;
  }
}
