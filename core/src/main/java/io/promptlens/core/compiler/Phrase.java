package io.promptlens.core.compiler;

/**
 * One piece of a prompt and where it came from. Renderers glue phrases into a target's syntax; when
 * a prompt is too long the phrases with the lowest {@code priority} are dropped first.
 *
 * @param text the words, without surrounding punctuation
 * @param role what the phrase says, which decides where a natural-language renderer puts it
 * @param priority higher survives longer; {@link #KEEP} is never dropped
 * @param source the analysis field (JSON path) or control the phrase came from
 */
public record Phrase(String text, Role role, int priority, String source) {

  /** Priority of phrases that must survive trimming (subject, the user's keep list). */
  public static final int KEEP = Integer.MAX_VALUE;

  /** What a phrase describes. */
  public enum Role {
    SUBJECT,
    MEDIUM,
    TONE,
    PALETTE,
    LIGHT,
    SCENE,
    TEXT,
    EXTRA
  }
}
