package io.promptlens.core.analysis;

/** Landscape, portrait or square; square when the sides differ by at most 2 %. */
public enum Orientation {
  LANDSCAPE,
  PORTRAIT,
  SQUARE;

  /** Relative side difference up to which an image still counts as square. */
  static final double SQUARE_TOLERANCE = 0.02;

  public static Orientation of(int width, int height) {
    double longer = Math.max(width, height);
    double shorter = Math.min(width, height);
    if ((longer - shorter) / longer <= SQUARE_TOLERANCE) {
      return SQUARE;
    }
    return width > height ? LANDSCAPE : PORTRAIT;
  }

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
