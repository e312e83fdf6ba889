package io.promptlens.core.analysis;

/**
 * The time of day the light shows, where it shows one. The JSON value is the {@link #toString}
 * name.
 */
public enum TimeOfDay {
  GOLDEN_HOUR,
  BLUE_HOUR,
  NIGHT;

  private static final WireNames<TimeOfDay> WIRE =
      WireNames.of(TimeOfDay.class, "golden hour", "blue hour", "night");

  /** The name in the analysis JSON. */
  @Override
  public String toString() {
    return WIRE.of(this);
  }
}
