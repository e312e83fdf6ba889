package io.promptlens.vision.neural;

import java.util.Map;

/**
 * Folds look-alike characters to ASCII in a line that is written in Latin script. The PP-OCRv4
 * recognizer is trained on Chinese and English, so its dictionary holds full-width Latin letters
 * and digits (U+FF01–U+FF5E), CJK punctuation and a few Cyrillic capitals; on letter-spaced or
 * small English print it often picks those ("ＳＥＰＴＥＭＢＥＲ", "daｔeline", "199З"). A line is folded only
 * when it has more Latin letters than CJK, kana, Hangul and Cyrillic letters together, so Chinese
 * or Russian text is left as read. Full-width forms are the Unicode compatibility mapping (NFKC) of
 * their ASCII characters; the Cyrillic look-alikes are those in Unicode's confusables list (UTS
 * #39) that share a glyph with a Latin letter or digit.
 */
final class LatinFold {

  private static final Map<Character, Character> LOOK_ALIKES =
      Map.ofEntries(
          Map.entry('А', 'A'),
          Map.entry('В', 'B'),
          Map.entry('Е', 'E'),
          Map.entry('З', '3'),
          Map.entry('К', 'K'),
          Map.entry('М', 'M'),
          Map.entry('Н', 'H'),
          Map.entry('О', 'O'),
          Map.entry('Р', 'P'),
          Map.entry('С', 'C'),
          Map.entry('Т', 'T'),
          Map.entry('Х', 'X'),
          Map.entry('І', 'I'),
          Map.entry('а', 'a'),
          Map.entry('е', 'e'),
          Map.entry('о', 'o'),
          Map.entry('р', 'p'),
          Map.entry('с', 'c'),
          Map.entry('у', 'y'),
          Map.entry('х', 'x'),
          Map.entry('і', 'i'),
          Map.entry('ј', 'j'),
          Map.entry('ѕ', 's'),
          // CJK punctuation the recognizer uses for its Latin counterparts.
          Map.entry('\u3000', ' '),
          Map.entry('、', ','),
          Map.entry('。', '.'),
          Map.entry('「', '"'),
          Map.entry('」', '"'));

  private LatinFold() {}

  static String fold(String line) {
    return isLatin(line) ? foldCharacters(line) : line;
  }

  /**
   * Whether the line has more Latin letters (full-width ones too) than letters of other scripts.
   */
  static boolean isLatin(String line) {
    int latin = 0;
    int other = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (isFullWidthAscii(c)) {
        c = (char) (c - 0xFEE0);
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      if (Character.isLetter(c) && script == Character.UnicodeScript.LATIN) {
        latin++;
      } else if (Character.isLetter(c) && !LOOK_ALIKES.containsKey(c)) {
        // A look-alike counts for neither side: it is what is being decided.
        other++;
      }
    }
    return latin > other;
  }

  /** Every look-alike character replaced, whatever the line's script. */
  static String foldCharacters(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (isFullWidthAscii(c)) {
        out.append((char) (c - 0xFEE0));
      } else {
        out.append(LOOK_ALIKES.getOrDefault(c, c));
      }
    }
    return out.toString();
  }

  private static boolean isFullWidthAscii(char c) {
    return c >= '\uFF01' && c <= '\uFF5E';
  }
}
