package io.promptlens.core.analysis;

/** Hard (sharp-edged shadows) or soft light. The JSON value is the lower-case name. */
public enum LightHardness {
  HARD,
  SOFT;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
