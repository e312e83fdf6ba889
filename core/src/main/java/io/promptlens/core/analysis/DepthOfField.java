package io.promptlens.core.analysis;

/**
 * Shallow (a sharp region against a blurred one) or deep (sharp throughout). The JSON value is the
 * lower-case name.
 */
public enum DepthOfField {
  SHALLOW,
  DEEP;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
