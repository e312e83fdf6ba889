package io.promptlens.core.analysis;

/**
 * Brightness key: low-key (mostly dark), mid or high-key (mostly bright). The JSON value is the
 * lower-case name.
 */
public enum LightKey {
  LOW,
  MID,
  HIGH,
  UNKNOWN;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
