package io.promptlens.vision.color;

import io.promptlens.vision.measure.Oklab;

/**
 * The warm–cool direction in the OKLab a/b plane, derived rather than chosen: it is the direction
 * in which the colour of a black-body light source moves from 10,000 K (bluish daylight shade) to
 * 3,000 K (warm tungsten), i.e. the axis a white-balance error lies on. Planckian chromaticities
 * use the cubic-spline fit of Kim et al., "Design of advanced color temperature control system for
 * HDTV applications" (2002), converted to OKLab through XYZ. The result points roughly towards
 * orange-yellow (hue ≈ 70°) and its opposite towards sky blue.
 */
final class WarmCoolAxis {

  private static final double UA;
  private static final double UB;

  static {
    Oklab.Lab warm = planckian(3000);
    Oklab.Lab cool = planckian(10000);
    double da = warm.a() - cool.a();
    double db = warm.b() - cool.b();
    double length = Math.hypot(da, db);
    UA = da / length;
    UB = db / length;
  }

  private WarmCoolAxis() {}

  /** Signed component of an OKLab (a, b) offset along the axis: positive warm, negative cool. */
  static double project(double a, double b) {
    return a * UA + b * UB;
  }

  /**
   * Signed component of an OKLab (a, b) offset across the axis, positive towards green (the axis
   * turned 90 degrees, a hue of about 160 degrees), negative towards magenta. A white-balance error
   * moves a picture along the axis; a green cast across it is the colour of what is pictured (a
   * meadow, foliage, a lime).
   */
  static double towardsGreen(double a, double b) {
    return b * UA - a * UB;
  }

  /** Hue angle of the warm end in degrees, for documentation and tests. */
  static double warmHueDegrees() {
    return Math.toDegrees(Math.atan2(UB, UA));
  }

  /** OKLab of a black body at the given temperature (1,667–25,000 K), at luminance Y = 1. */
  static Oklab.Lab planckian(double kelvin) {
    double t = kelvin;
    double x =
        t <= 4000
            ? -0.2661239e9 / (t * t * t) - 0.2343589e6 / (t * t) + 0.8776956e3 / t + 0.179910
            : -3.0258469e9 / (t * t * t) + 2.1070379e6 / (t * t) + 0.2226347e3 / t + 0.240390;
    double y;
    if (t <= 2222) {
      y = -1.1063814 * x * x * x - 1.34811020 * x * x + 2.18555832 * x - 0.20219683;
    } else if (t <= 4000) {
      y = -0.9549476 * x * x * x - 1.37418593 * x * x + 2.09137015 * x - 0.16748867;
    } else {
      y = 3.0817580 * x * x * x - 5.87338670 * x * x + 3.75112997 * x - 0.37001483;
    }
    return Oklab.fromXyz(x / y, 1, (1 - x - y) / y);
  }
}
