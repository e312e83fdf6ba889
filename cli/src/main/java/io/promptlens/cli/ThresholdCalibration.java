package io.promptlens.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Chooses, per statement kind, the lowest confidence at which the statements of a labelled split
 * reach a precision target: the numbers {@code core}'s {@code StatementThresholds} table is set
 * from (issue 18, step 2). Run it on the tuning split only; the held-out split then says whether
 * the choice generalises.
 *
 * <p>A threshold needs {@code minSupport} judged statements at or above it, so that one lucky
 * statement cannot open a kind: with 20 of 20 right the true precision is still only known to be
 * above about 0.83 (Wilson, 95 %), which is why the held-out check matters. A kind that cannot
 * reach the target is reported as such: it stays unsaid.
 */
final class ThresholdCalibration {

  /** A candidate statement with its analyzer's confidence and whether the label says it is true. */
  record Candidate(String kind, double confidence, boolean truth) {}

  /**
   * @param threshold the lowest confidence that reaches the target, or null when none does
   * @param scored judged statements at or above the threshold (all of the kind when null)
   * @param correct the true ones among them
   * @param available judged statements of the kind at any confidence
   */
  record Choice(String kind, @Nullable Double threshold, int scored, int correct, int available) {
    @Nullable Double precision() {
      return scored == 0 ? null : (double) correct / scored;
    }
  }

  private ThresholdCalibration() {}

  static List<Choice> choose(List<Candidate> candidates, double target, int minSupport) {
    Map<String, List<Candidate>> byKind =
        candidates.stream()
            .collect(Collectors.groupingBy(Candidate::kind, TreeMap::new, Collectors.toList()));
    List<Choice> choices = new ArrayList<>();
    byKind.forEach((kind, list) -> choices.add(choose(kind, list, target, minSupport)));
    return choices;
  }

  private static Choice choose(String kind, List<Candidate> list, double target, int minSupport) {
    List<Candidate> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
    Choice best = null;
    int scored = 0;
    int correct = 0;
    for (int i = 0; i < sorted.size(); i++) {
      Candidate c = sorted.get(i);
      scored++;
      if (c.truth()) {
        correct++;
      }
      boolean lastOfItsConfidence =
          i + 1 == sorted.size() || sorted.get(i + 1).confidence() < c.confidence();
      if (lastOfItsConfidence && scored >= minSupport && (double) correct / scored >= target) {
        best = new Choice(kind, c.confidence(), scored, correct, sorted.size());
      }
    }
    if (best != null) {
      return best;
    }
    int allCorrect = (int) list.stream().filter(Candidate::truth).count();
    return new Choice(kind, null, list.size(), allCorrect, list.size());
  }

  /** A Markdown table of the choices. */
  static String table(List<Choice> choices, double target, int minSupport) {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Thresholds for precision >= %.2f on the tuning split (at least %d judged"
                    + " statements)%n%n| kind | threshold | scored | correct | precision |"
                    + " judged in all |%n|---|---:|---:|---:|---:|---:|%n",
                target,
                minSupport));
    for (Choice c : choices) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %d | %s | %d |%n",
              c.kind(),
              c.threshold() == null
                  ? "not reached"
                  : String.format(Locale.ROOT, "%.3f", c.threshold()),
              c.scored(),
              c.correct(),
              c.precision() == null ? "-" : String.format(Locale.ROOT, "%.2f", c.precision()),
              c.available()));
    }
    return s.toString().stripTrailing();
  }
}
