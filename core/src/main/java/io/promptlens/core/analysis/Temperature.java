package io.promptlens.core.analysis;

/** White balance of the image as a viewer reads it. The JSON value is the lower-case name. */
public enum Temperature {
  WARM,
  NEUTRAL,
  COOL,
  UNKNOWN;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
