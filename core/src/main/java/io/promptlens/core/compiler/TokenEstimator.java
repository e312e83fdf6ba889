package io.promptlens.core.compiler;

import io.promptlens.core.compiler.TargetProfile.LengthUnit;

/**
 * Estimates prompt length in a target's unit until real tokenizers are bundled. CLIP's byte-pair
 * vocabulary (about 49k entries) holds most common English words whole, so a word counts one token,
 * a long or rare-looking word one per five letters, digits and hex codes about one per two
 * characters, and every punctuation mark one. T5's SentencePiece vocabulary splits similarly. The
 * estimate errs long, so trimming to it keeps a prompt inside the real limit.
 */
final class TokenEstimator {

  private TokenEstimator() {}

  static int count(String text, LengthUnit unit) {
    return unit == LengthUnit.CHARACTERS ? text.length() : tokens(text);
  }

  static int tokens(String text) {
    int tokens = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetterOrDigit(c)) {
        int start = i;
        boolean digits = false;
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
          digits |= Character.isDigit(text.charAt(i));
          i++;
        }
        int length = i - start;
        if (digits) {
          tokens += (length + 1) / 2;
        } else {
          tokens += length <= 8 ? 1 : (length + 4) / 5;
        }
      } else {
        tokens++;
        i++;
      }
    }
    return tokens;
  }
}
