package io.promptlens.vision.measure;

/**
 * Hue helpers in the OKLab a/b plane. Reference hues are derived from named sRGB colours (sRGB
 * primaries and secondaries, IEC 61966-2-1), not chosen by hand, so "blue" means the hue of sRGB
 * blue as OKLab sees it.
 */
public final class Hues {

  private Hues() {}

  /** Hue angle of an OKLab (a, b) in degrees, 0..360. */
  public static double degrees(double a, double b) {
    double h = Math.toDegrees(Math.atan2(b, a));
    return h < 0 ? h + 360 : h;
  }

  /** Hue of a packed sRGB colour in OKLab, degrees. */
  public static double of(int rgb) {
    Oklab.Lab lab = Oklab.fromRgb(rgb);
    return degrees(lab.a(), lab.b());
  }

  /** Smallest absolute difference between two hue angles, 0..180. */
  public static double distance(double h1, double h2) {
    double d = Math.abs(h1 - h2);
    // The remainder (a library call, slow in per-pixel loops) changes nothing below 360.
    if (!(d < 360)) {
      d %= 360;
    }
    return d > 180 ? 360 - d : d;
  }

  /** Whether hue {@code h} lies on the arc from {@code from} counter-clockwise to {@code to}. */
  public static boolean within(double h, double from, double to) {
    double span = ((to - from) % 360 + 360) % 360;
    double offset = ((h - from) % 360 + 360) % 360;
    return offset <= span;
  }
}
