package io.promptlens.core.compiler;

/**
 * One piece of a prompt and where it came from. Renderers glue phrases into a target's syntax; when
 * a prompt is too long the phrases with the lowest {@code priority} are dropped first.
 *
 * @param text the words, without surrounding punctuation
 * @param role what the phrase says, which decides where a renderer puts it
 * @param priority higher survives longer; {@link #KEEP} is never dropped
 * @param source the analysis field (JSON path) or control the phrase came from
 */
public record Phrase(String text, Role role, int priority, String source) {

  /** Priority of phrases that must survive trimming (subject, the user's keep list). */
  public static final int KEEP = Integer.MAX_VALUE;

  /** What a phrase describes. */
  public enum Role {
    QUALITY,
    SUBJECT,
    MEDIUM,
    TONE,
    PALETTE,
    LIGHT,
    CAMERA,
    MOOD,
    SCENE,
    TEXT,
    EXTRA,
    /** Edit instructions: something to remove (from the avoid list). */
    AVOID,
    /** Video: the camera move. */
    CAMERA_MOVE,
    /** Video: how the subject moves. */
    SUBJECT_MOTION,
    /** Video: how the surroundings move. */
    SCENE_MOTION,
    /** Video: the pace of the clip. */
    PACING
  }

  Phrase withText(String newText) {
    return new Phrase(newText, role, priority, source);
  }
}
