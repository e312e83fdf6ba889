package io.promptlens.core.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a prompt into its comma-separated phrases, leaving commas inside parentheses alone. */
final class Phrases {

  /** {@code (phrase:1.2)}, {@code (phrase)} and {@code [phrase]}: Stable Diffusion emphasis. */
  private static final Pattern WEIGHTED =
      Pattern.compile("^[(\\[]+\\s*(.*?)\\s*(?::\\s*[0-9.]+)?\\s*[)\\]]+$");

  private Phrases() {}

  static List<String> split(String text) {
    List<String> phrases = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      }
      if (c == ',' && depth == 0) {
        add(phrases, current);
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    add(phrases, current);
    return phrases;
  }

  static String unweighted(String phrase) {
    Matcher m = WEIGHTED.matcher(phrase);
    return m.matches() ? m.group(1) : phrase;
  }

  private static void add(List<String> phrases, StringBuilder phrase) {
    String clean = phrase.toString().replaceAll("\\s+", " ").strip();
    if (!clean.isEmpty()) {
      phrases.add(clean);
    }
  }
}
