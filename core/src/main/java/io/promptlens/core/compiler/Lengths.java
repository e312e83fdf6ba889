package io.promptlens.core.compiler;

import io.promptlens.core.compiler.TargetProfile.LengthUnit;

/** Measures text in a target's length unit, and names the unit for warnings. */
final class Lengths {

  private Lengths() {}

  static int count(String text, LengthUnit unit) {
    return switch (unit) {
      case CLIP_TOKENS -> ClipTokenizer.get().count(text);
      case T5_TOKENS, TOKENS -> TokenEstimator.tokens(text);
      case CHARACTERS -> text.length();
    };
  }

  /** The token count reported in {@link PromptResult#tokens}: exact for CLIP, else estimated. */
  static int tokens(String text, LengthUnit unit) {
    return unit == LengthUnit.CLIP_TOKENS
        ? ClipTokenizer.get().count(text)
        : TokenEstimator.tokens(text);
  }

  static String name(LengthUnit unit) {
    return switch (unit) {
      case CLIP_TOKENS -> "CLIP tokens";
      case T5_TOKENS -> "T5 tokens";
      case TOKENS -> "tokens";
      case CHARACTERS -> "characters";
    };
  }

  static boolean estimated(LengthUnit unit) {
    return unit == LengthUnit.T5_TOKENS || unit == LengthUnit.TOKENS;
  }
}
