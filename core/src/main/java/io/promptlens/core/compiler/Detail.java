package io.promptlens.core.compiler;

import java.util.Locale;

/** How much of the analysis goes into the prompt. */
public enum Detail {
  SHORT,
  MEDIUM,
  LONG;

  public static Detail parse(String value) {
    for (Detail detail : values()) {
      if (detail.toString().equalsIgnoreCase(value.trim())) {
        return detail;
      }
    }
    throw new IllegalArgumentException(
        "unknown detail '" + value + "' (expected short, medium or long)");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
