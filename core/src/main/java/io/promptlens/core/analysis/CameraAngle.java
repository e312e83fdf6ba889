package io.promptlens.core.analysis;

/**
 * Where the camera points relative to the horizon. The JSON value is the {@link #toString} name.
 */
public enum CameraAngle {
  EYE_LEVEL,
  HIGH_ANGLE,
  LOW_ANGLE,
  TOP_DOWN;

  private static final WireNames<CameraAngle> WIRE =
      WireNames.of(CameraAngle.class, "eye level", "high angle", "low angle", "top-down");

  /** The name in the analysis JSON. */
  @Override
  public String toString() {
    return WIRE.of(this);
  }
}
