package io.promptlens.core.analysis;

/**
 * How much of the frame the subject takes, in film grammar's three framings. The JSON carries the
 * wire names ("close-up", "medium", "wide"), its contract since schema 1; this type is the one
 * place those names and the rule that picks them live.
 */
public enum ShotScale {
  CLOSE_UP,
  MEDIUM,
  WIDE;

  /**
   * Shot scale from the subject's larger extent: a close-up fills the frame (≥ 3/4 of a side), a
   * wide shot shows the subject small in its surroundings (under 2/5), a medium shot in between —
   * the framing definitions of film grammar (e.g. D. Arijon, "Grammar of the Film Language", 1976)
   * expressed as the share of the frame the subject spans.
   */
  public static final double CLOSE_UP_FROM = 0.75;

  /** See {@link #CLOSE_UP_FROM}. */
  public static final double WIDE_BELOW = 0.4;

  private static final WireNames<ShotScale> WIRE =
      WireNames.of(ShotScale.class, "close-up", "medium", "wide");

  /** The framing of a subject whose larger side spans {@code extent} (0..1) of the frame's side. */
  public static ShotScale ofExtent(double extent) {
    return extent >= CLOSE_UP_FROM ? CLOSE_UP : extent >= WIDE_BELOW ? MEDIUM : WIDE;
  }

  /** The name in the analysis JSON. */
  @Override
  public String toString() {
    return WIRE.of(this);
  }
}
