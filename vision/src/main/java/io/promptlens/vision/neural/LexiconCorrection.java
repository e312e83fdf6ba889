package io.promptlens.vision.neural;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Corrects a recognised word that is not in the {@link Lexicon} using the recognizer's own second
 * choices. Each character the CTC decoder keeps carries the other characters the model scored at
 * the same time steps ({@link Glyph#alternatives}); a word of Latin letters that is not an English
 * word is replaced by the most probable word, changing at most {@value #MAX_CHANGES} characters to
 * one of their alternatives, that is. The model's confusions decide what may change (the
 * Chinese-trained PP-OCRv4 model often ranks "l" over "i" in small English print: "wlll",
 * "notlced"), and the word list decides whether a change is made: a reading with no alternative
 * that forms a word, numbers and (by {@link #looksLikeAName}) names included, is left as read.
 */
final class LexiconCorrection {

  static final int MAX_CHANGES = 2;

  /** An alternative must reach this probability at one of its character's time steps. */
  static final double ALTERNATIVE_FLOOR = 0.02;

  /** A character the decoder kept: its text, probability and the runners-up. */
  record Glyph(String text, double probability, List<Alternative> alternatives) {}

  record Alternative(String text, double probability) {}

  private LexiconCorrection() {}

  /** The glyphs' text with each non-word corrected where the alternatives make a word. */
  static String correct(List<Glyph> glyphs, @Nullable Lexicon lexicon) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < glyphs.size()) {
      if (!isLatinLetter(glyphs.get(i).text())) {
        out.append(glyphs.get(i).text());
        i++;
        continue;
      }
      int end = i;
      while (end < glyphs.size() && isLatinLetter(glyphs.get(end).text())) {
        end++;
      }
      List<Glyph> word = glyphs.subList(i, end);
      out.append(
          looksLikeAName(word, out)
              ? glyphs.subList(i, end).stream().map(Glyph::text).reduce("", String::concat)
              : correctWord(word, lexicon));
      i = end;
    }
    return out.toString();
  }

  /**
   * A capitalised word inside a sentence (not first on the line, not after ". ! ? :") is taken for
   * a name, which a word list does not hold: "Walt" must not become "wait".
   */
  static boolean looksLikeAName(List<Glyph> word, CharSequence before) {
    if (!Character.isUpperCase(word.get(0).text().charAt(0))) {
      return false;
    }
    String previous = before.toString().strip();
    if (previous.isEmpty()) {
      return false;
    }
    char last = previous.charAt(previous.length() - 1);
    return ".!?:\"“(".indexOf(last) < 0;
  }

  static String correctWord(List<Glyph> word, @Nullable Lexicon lexicon) {
    StringBuilder read = new StringBuilder();
    word.forEach(g -> read.append(g.text()));
    String original = read.toString();
    if (word.size() < 2 || lexicon == null) {
      return original;
    }
    if (lexicon.contains(lower(original))) {
      return inAWordsCase(original);
    }
    Best best = new Best();
    search(word, 0, new StringBuilder(), 0, 1.0, lexicon, best);
    return best.text == null ? original : matchCase(best.text, original);
  }

  private static final class Best {
    @Nullable String text;
    double score;
  }

  /** Depth-first over positions: keep the character, or (within the budget) take an alternative. */
  private static void search(
      List<Glyph> word,
      int position,
      StringBuilder prefix,
      int changes,
      double ratio,
      Lexicon lexicon,
      Best best) {
    if (position == word.size()) {
      if (changes > 0 && lexicon.contains(lower(prefix.toString())) && ratio > best.score) {
        best.text = prefix.toString();
        best.score = ratio;
      }
      return;
    }
    Glyph glyph = word.get(position);
    int length = prefix.length();
    prefix.append(glyph.text());
    search(word, position + 1, prefix, changes, ratio, lexicon, best);
    prefix.setLength(length);
    if (changes == MAX_CHANGES) {
      return;
    }
    for (Alternative alternative : glyph.alternatives()) {
      if (!isLatinLetter(alternative.text())
          || alternative.probability() < ALTERNATIVE_FLOOR
          || lower(alternative.text()).equals(lower(glyph.text()))) {
        continue;
      }
      prefix.append(alternative.text());
      double changed = ratio * alternative.probability() / Math.max(1e-6, glyph.probability());
      search(word, position + 1, prefix, changes + 1, changed, lexicon, best);
      prefix.setLength(length);
    }
  }

  /**
   * An English word as words are written: lower case, a capital first letter or all capitals. The
   * recognizer reads a letter here and there in the wrong case where capital and small look alike
   * ("pRioRy galleRies", "PAUSe" on this project's eval images); a word of the list written in no
   * such way takes the case most of its letters have (a first capital kept). A word already written
   * one of those ways stays as read.
   */
  static String inAWordsCase(String word) {
    String lower = lower(word);
    String upper = word.toUpperCase(Locale.ROOT);
    String capitalised = upper.charAt(0) + lower.substring(1);
    if (word.equals(lower) || word.equals(upper) || word.equals(capitalised)) {
      return word;
    }
    long capitals = word.chars().filter(Character::isUpperCase).count();
    if (capitals * 2 > word.length()) {
      return upper;
    }
    return Character.isUpperCase(word.charAt(0)) ? capitalised : lower;
  }

  /** The correction in the reading's case: all capitals, a capital first letter, or lower case. */
  static String matchCase(String corrected, String original) {
    if (original.length() > 1 && original.equals(original.toUpperCase(Locale.ROOT))) {
      return corrected.toUpperCase(Locale.ROOT);
    }
    String lower = lower(corrected);
    return Character.isUpperCase(original.charAt(0))
        ? Character.toUpperCase(lower.charAt(0)) + lower.substring(1)
        : lower;
  }

  private static boolean isLatinLetter(String s) {
    if (s.length() != 1) {
      return false;
    }
    char c = s.charAt(0);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
