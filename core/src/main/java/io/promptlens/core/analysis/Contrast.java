package io.promptlens.core.analysis;

/** Global tonal contrast. The JSON value is the lower-case name. */
public enum Contrast {
  LOW,
  MEDIUM,
  HIGH,
  UNKNOWN;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
