package io.promptlens.core.analysis;

/** How saturated the colours are overall. The JSON value is the lower-case name. */
public enum Saturation {
  MUTED,
  MODERATE,
  VIVID,
  UNKNOWN;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
