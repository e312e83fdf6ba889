package io.promptlens.core.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds prompt text and records where each phrase lands in it, for {@link PromptResult#anatomy}.
 * Not thread-safe; one per rendering.
 */
final class PromptBuilder {

  private final StringBuilder text = new StringBuilder(256);
  private final List<PhraseSpan> spans = new ArrayList<>();

  PromptBuilder append(String plain) {
    text.append(plain);
    return this;
  }

  /** Appends a phrase as written by {@code render} and records its span. */
  PromptBuilder phrase(Phrase phrase, String rendered) {
    int start = text.length();
    text.append(rendered);
    spans.add(new PhraseSpan(rendered, phrase.source(), start, text.length()));
    return this;
  }

  PromptBuilder phrase(Phrase phrase) {
    return phrase(phrase, phrase.text());
  }

  /** Appends phrases as an English list: "a", "a and b", "a, b and c". */
  PromptBuilder list(List<Phrase> phrases) {
    return list(phrases, Phrase::text);
  }

  PromptBuilder list(List<Phrase> phrases, Function<Phrase, String> render) {
    for (int i = 0; i < phrases.size(); i++) {
      if (i > 0) {
        text.append(i == phrases.size() - 1 ? " and " : ", ");
      }
      phrase(phrases.get(i), render.apply(phrases.get(i)));
    }
    return this;
  }

  /** Appends phrases separated by {@code separator}, each as written by {@code render}. */
  PromptBuilder joined(List<Phrase> phrases, String separator, Function<Phrase, String> render) {
    for (int i = 0; i < phrases.size(); i++) {
      if (i > 0) {
        text.append(separator);
      }
      phrase(phrases.get(i), render.apply(phrases.get(i)));
    }
    return this;
  }

  /**
   * Appends a sentence "{@code Prefix} a, b and c{@code suffix}." after a space, capitalising its
   * first letter; nothing when {@code phrases} is empty.
   */
  PromptBuilder sentence(String prefix, List<Phrase> phrases, String suffix) {
    if (phrases.isEmpty()) {
      return this;
    }
    space();
    if (prefix.isEmpty()) {
      Phrase first = phrases.get(0);
      phrase(first, capitalize(first.text()));
      if (phrases.size() > 1) {
        text.append(phrases.size() == 2 ? " and " : ", ");
        list(phrases.subList(1, phrases.size()));
      }
    } else {
      text.append(capitalize(prefix));
      list(phrases);
    }
    text.append(suffix).append('.');
    return this;
  }

  /** A space unless the text is empty or already ends in one. */
  PromptBuilder space() {
    if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
      text.append(' ');
    }
    return this;
  }

  boolean endsWith(String suffix) {
    int from = text.length() - suffix.length();
    return from >= 0 && text.indexOf(suffix, from) == from;
  }

  /** Removes {@code suffix} from the end, if it is there. */
  PromptBuilder trimTrailing(String suffix) {
    if (endsWith(suffix)) {
      text.setLength(text.length() - suffix.length());
    }
    return this;
  }

  boolean isEmpty() {
    return text.isEmpty();
  }

  int length() {
    return text.length();
  }

  List<PhraseSpan> spans() {
    return List.copyOf(spans);
  }

  /**
   * Cuts the text to its first {@code length} characters, dropping the spans that no longer fit
   * whole, then trailing spaces and separators.
   */
  void truncate(int length) {
    int end = Math.min(length, text.length());
    while (end > 0 && ", ;:.".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    text.setLength(end);
    int cut = end;
    spans.removeIf(span -> span.end() > cut);
  }

  @Override
  public String toString() {
    return text.toString();
  }

  static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
