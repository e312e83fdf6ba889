package io.promptlens.core.compiler;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Cleans text that comes from an analysis or a user before it enters a prompt, so that a label or a
 * line of recognised text cannot carry a target's syntax: Midjourney flags ({@code --ar}),
 * multi-prompt separators ({@code ::}), Stable Diffusion weights and LoRA tags ({@code (x:1.2)},
 * {@code [x]}, {@code <lora:x>}), bracketed camera commands ({@code [Push in]}) or the template
 * slots ({@code {subject}}) the compiler writes itself.
 */
final class Texts {

  private static final Pattern SYNTAX = Pattern.compile("[(){}\\[\\]<>|\\\\]");
  private static final Pattern DASHES = Pattern.compile("-{2,}|[\\u2012-\\u2015]{2,}");
  private static final Pattern COLONS = Pattern.compile(":{2,}");
  private static final Pattern SPACE = Pattern.compile("[\\s\\p{Cc}]+");
  private static final Pattern FLAG_START = Pattern.compile("(^|\\s)-+");
  private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s,;:.]+");

  private Texts() {}

  /**
   * The text with syntax characters removed and whitespace collapsed; "" for null and for text with
   * no letter or digit, which says nothing in a prompt (a label of ":" would read "a photograph of
   * :", and once cut to a limit it leaves only separators).
   */
  static String clean(@Nullable String text) {
    if (text == null) {
      return "";
    }
    String cleaned = SYNTAX.matcher(text).replaceAll(" ");
    cleaned = DASHES.matcher(cleaned).replaceAll("-");
    cleaned = COLONS.matcher(cleaned).replaceAll(":");
    cleaned = SPACE.matcher(cleaned).replaceAll(" ");
    // A dash after a space would read as the start of a flag once the text is in a prompt.
    cleaned = FLAG_START.matcher(cleaned).replaceAll("$1");
    cleaned = SPACE.matcher(cleaned).replaceAll(" ").strip();
    // A phrase that opens with a separator reads as a stray mark, and once a prompt is cut to a
    // limit the separator may be all that is left of it.
    cleaned = LEADING_SEPARATORS.matcher(cleaned).replaceAll("");
    return cleaned.codePoints().anyMatch(Character::isLetterOrDigit) ? cleaned : "";
  }

  /** {@link #clean} for text the prompt puts in double quotes. */
  static String quoted(@Nullable String text) {
    return clean(text == null ? null : text.replace('"', '\''));
  }
}
