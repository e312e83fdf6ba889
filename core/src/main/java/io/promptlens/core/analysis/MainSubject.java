package io.promptlens.core.analysis;

import org.jspecify.annotations.Nullable;

/**
 * What the picture is of, decided once from all the evidence: by name when a detector, the text
 * reader, the medium or a vision-language provider is confident, otherwise as a description of the
 * measured main subject (its size, place, colour and shape against its background), never a guessed
 * name. Every field may be null except {@code count}.
 *
 * @param named the subject by name with its article ("a cat", "two people", "a page of printed
 *     text"), or null when no name is confident enough
 * @param described the measured main subject in words ("a large vivid orange rounded form in the
 *     center against a dark green blurred background"), or null when nothing was measured
 * @param category what kind of thing it is (person, animal, object, text, a measured form with no
 *     name, or a surface where no single subject stands out); null when unknown
 * @param count how many things {@code named} covers (1 for "a cat", 2 for "two people"); 0 when not
 *     named
 * @param source the analyzer or provider the name or description came from
 * @param confidence 0..1 confidence of the name (detector score, medium or provider confidence), or
 *     of the measured region when only described
 * @param why one sentence: why it is named or only described
 */
public record MainSubject(
    @Nullable String named,
    @Nullable String described,
    @Nullable SubjectCategory category,
    int count,
    @Nullable String source,
    double confidence,
    @Nullable String why) {

  public static MainSubject unknown() {
    return new MainSubject(null, null, null, 0, null, 0, "not analysed");
  }

  /** Whether a name is known. (Not a bean getter: the JSON field {@code named} is the name.) */
  public boolean hasName() {
    return named != null && !named.isBlank();
  }

  /** Whether anything is known: a name or a description. */
  public boolean hasWords() {
    return hasName() || (described != null && !described.isBlank());
  }

  /** This subject with its name replaced. */
  public MainSubject withName(
      @Nullable String name,
      @Nullable SubjectCategory category,
      int count,
      @Nullable String source,
      double confidence,
      @Nullable String why) {
    return new MainSubject(name, described, category, count, source, confidence, why);
  }
}
