package io.promptlens.core.analysis;

/**
 * The side the subject is lit from: left, right, top, bottom, or front (from the camera's side).
 * The JSON value is the lower-case name.
 */
public enum LightDirection {
  LEFT,
  RIGHT,
  TOP,
  BOTTOM,
  FRONT;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
