package io.promptlens.core.analysis;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How much of the frame the subject takes, in film grammar's three framings. The analysis carries
 * the {@link #wire()} name ("close-up", "medium", "wide"), its JSON contract since schema 1; this
 * type is the one place those names and the rule that picks them live.
 */
public enum ShotScale {
  CLOSE_UP("close-up"),
  MEDIUM("medium"),
  WIDE("wide");

  /**
   * Shot scale from the subject's larger extent: a close-up fills the frame (≥ 3/4 of a side), a
   * wide shot shows the subject small in its surroundings (under 2/5), a medium shot in between —
   * the framing definitions of film grammar (e.g. D. Arijon, "Grammar of the Film Language", 1976)
   * expressed as the share of the frame the subject spans.
   */
  public static final double CLOSE_UP_FROM = 0.75;

  /** See {@link #CLOSE_UP_FROM}. */
  public static final double WIDE_BELOW = 0.4;

  private final String wire;

  ShotScale(String wire) {
    this.wire = wire;
  }

  /** The name in the analysis JSON. */
  public String wire() {
    return wire;
  }

  /** The framing of a subject whose larger side spans {@code extent} (0..1) of the frame's side. */
  public static ShotScale ofExtent(double extent) {
    return extent >= CLOSE_UP_FROM ? CLOSE_UP : extent >= WIDE_BELOW ? MEDIUM : WIDE;
  }

  /**
   * The scale a wire name stands for, or null for null, blank or a name this type does not know (an
   * analysis from a provider or an older build may carry other words).
   */
  public static @Nullable ShotScale fromWire(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String key = name.trim().toLowerCase(Locale.ROOT);
    for (ShotScale scale : values()) {
      if (scale.wire.equals(key)) {
        return scale;
      }
    }
    return null;
  }
}
