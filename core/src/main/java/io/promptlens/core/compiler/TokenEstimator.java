package io.promptlens.core.compiler;

/**
 * Estimates prompt length in tokens where no vocabulary is bundled (T5's SentencePiece for FLUX and
 * SD 3.5, the hosted tokenizers of Imagen and Veo). Common English words are one token, a long or
 * rare-looking word one per five letters, digits and hex codes about one per two characters, and
 * every punctuation mark one. Checked against the bundled CLIP tokenizer on the golden prompts, the
 * estimate errs long, so trimming to it keeps a prompt inside the real limit.
 */
final class TokenEstimator {

  private TokenEstimator() {}

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
