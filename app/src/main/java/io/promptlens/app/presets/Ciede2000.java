package io.promptlens.app.presets;

/**
 * Colour difference in CIEDE2000 (ΔE00), from sRGB hex through CIE L*a*b* (D65). The formula and
 * its test data follow G. Sharma, W. Wu, E. N. Dalal, "The CIEDE2000 color-difference formula:
 * implementation notes, supplementary test data, and mathematical observations", Color Research &
 * Application 30(1), 2005. Pure functions; thread-safe.
 */
final class Ciede2000 {

  private Ciede2000() {}

  /** L*, a*, b* of a colour. */
  record Lab(double l, double a, double b) {}

  /** ΔE00 between two {@code #RRGGBB} colours. */
  static double distance(String hex1, String hex2) {
    return distance(lab(hex1), lab(hex2));
  }

  /** sRGB ({@code #RRGGBB}) to L*a*b* under D65. */
  static Lab lab(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    double r = linear(((rgb >> 16) & 0xFF) / 255.0);
    double g = linear(((rgb >> 8) & 0xFF) / 255.0);
    double b = linear((rgb & 0xFF) / 255.0);
    double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    double fx = f(x);
    double fy = f(y);
    double fz = f(z);
    return new Lab(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
  }

  static double distance(Lab one, Lab two) {
    double c1 = Math.hypot(one.a(), one.b());
    double c2 = Math.hypot(two.a(), two.b());
    double meanC = (c1 + c2) / 2;
    double meanC7 = Math.pow(meanC, 7);
    double g = 0.5 * (1 - Math.sqrt(meanC7 / (meanC7 + Math.pow(25, 7))));
    double a1 = (1 + g) * one.a();
    double a2 = (1 + g) * two.a();
    double cp1 = Math.hypot(a1, one.b());
    double cp2 = Math.hypot(a2, two.b());
    double hp1 = hue(one.b(), a1);
    double hp2 = hue(two.b(), a2);

    double dL = two.l() - one.l();
    double dC = cp2 - cp1;
    double dh;
    if (cp1 * cp2 == 0) {
      dh = 0;
    } else if (Math.abs(hp2 - hp1) <= 180) {
      dh = hp2 - hp1;
    } else if (hp2 - hp1 > 180) {
      dh = hp2 - hp1 - 360;
    } else {
      dh = hp2 - hp1 + 360;
    }
    double dH = 2 * Math.sqrt(cp1 * cp2) * Math.sin(Math.toRadians(dh / 2));

    double meanL = (one.l() + two.l()) / 2;
    double meanCp = (cp1 + cp2) / 2;
    double meanHp;
    if (cp1 * cp2 == 0) {
      meanHp = hp1 + hp2;
    } else if (Math.abs(hp1 - hp2) <= 180) {
      meanHp = (hp1 + hp2) / 2;
    } else if (hp1 + hp2 < 360) {
      meanHp = (hp1 + hp2 + 360) / 2;
    } else {
      meanHp = (hp1 + hp2 - 360) / 2;
    }
    double t =
        1
            - 0.17 * cos(meanHp - 30)
            + 0.24 * cos(2 * meanHp)
            + 0.32 * cos(3 * meanHp + 6)
            - 0.20 * cos(4 * meanHp - 63);
    double dTheta = 30 * Math.exp(-Math.pow((meanHp - 275) / 25, 2));
    double meanCp7 = Math.pow(meanCp, 7);
    double rc = 2 * Math.sqrt(meanCp7 / (meanCp7 + Math.pow(25, 7)));
    double sl = 1 + 0.015 * Math.pow(meanL - 50, 2) / Math.sqrt(20 + Math.pow(meanL - 50, 2));
    double sc = 1 + 0.045 * meanCp;
    double sh = 1 + 0.015 * meanCp * t;
    double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
    double l = dL / sl;
    double c = dC / sc;
    double h = dH / sh;
    return Math.sqrt(l * l + c * c + h * h + rt * c * h);
  }

  private static double hue(double b, double a) {
    if (b == 0 && a == 0) {
      return 0;
    }
    double degrees = Math.toDegrees(Math.atan2(b, a));
    return degrees < 0 ? degrees + 360 : degrees;
  }

  private static double cos(double degrees) {
    return Math.cos(Math.toRadians(degrees));
  }

  private static double linear(double channel) {
    return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
  }

  private static double f(double t) {
    double epsilon = 216.0 / 24389;
    double kappa = 24389.0 / 27;
    return t > epsilon ? Math.cbrt(t) : (kappa * t + 16) / 116;
  }
}
