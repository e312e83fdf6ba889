package io.promptlens.core.compiler;

import java.util.Locale;

/** What the prompt is for. The JSON and CLI value is the lower-case name. */
public enum Mode {
  /** Recreate the image as faithfully as the target allows. */
  FULL,
  /** A reusable style template with a {subject} slot: the look without the content. */
  STYLE,
  /** An image-to-image instruction that keeps the picture and changes what is asked. */
  EDIT,
  /** An image-to-video motion prompt for the image as first frame. */
  VIDEO;

  /** Parses a mode name case-insensitively; the message lists the valid names. */
  public static Mode parse(String value) {
    for (Mode mode : values()) {
      if (mode.toString().equalsIgnoreCase(value.trim())) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown mode '" + value + "' (expected full, style, edit or video)");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
