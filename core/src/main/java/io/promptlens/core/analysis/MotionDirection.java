package io.promptlens.core.analysis;

/**
 * The direction of a motion blur, as the eye reads it: along an image axis, or along a diagonal
 * rising or falling to the right. The JSON value is the {@link #toString} name.
 */
public enum MotionDirection {
  HORIZONTAL,
  VERTICAL,
  DIAGONAL_RISING,
  DIAGONAL_FALLING;

  /** How far (degrees) a path may turn from an image axis and still count as along it. */
  static final double AXIS_TOLERANCE = 22.5;

  private static final WireNames<MotionDirection> WIRE =
      WireNames.of(
          MotionDirection.class, "horizontal", "vertical", "diagonal-rising", "diagonal-falling");

  /**
   * The direction of a path at {@code degrees} in image axes (y down, so 45° falls to the right);
   * any angle, taken modulo 180.
   */
  public static MotionDirection ofDegrees(double degrees) {
    double d = ((degrees % 180) + 180) % 180;
    if (d < AXIS_TOLERANCE || d >= 180 - AXIS_TOLERANCE) {
      return HORIZONTAL;
    }
    if (d >= 90 - AXIS_TOLERANCE && d < 90 + AXIS_TOLERANCE) {
      return VERTICAL;
    }
    return d < 90 - AXIS_TOLERANCE ? DIAGONAL_FALLING : DIAGONAL_RISING;
  }

  /** The name in the analysis JSON. */
  @Override
  public String toString() {
    return WIRE.of(this);
  }
}
