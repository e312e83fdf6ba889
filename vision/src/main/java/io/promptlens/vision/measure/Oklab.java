package io.promptlens.vision.measure;

/**
 * Conversions between sRGB and OKLab, the perceptual colour space defined by Björn Ottosson, "A
 * perceptual color space for image processing" (2020). OKLab is used for every colour distance in
 * vision because Euclidean distance in it tracks perceived difference far better than in RGB, and
 * its lightness L is close to cube-root luminance, so L also serves as perceptual lightness.
 *
 * <p>All methods are pure and thread-safe. Lightness L is 0..1; a and b are roughly -0.4..0.4; a
 * difference of about 0.02 is a just-noticeable difference.
 */
public final class Oklab {

  /** sRGB 8-bit code value to linear light, precomputed because every analysed pixel needs it. */
  private static final double[] LINEAR = new double[256];

  static {
    for (int i = 0; i < 256; i++) {
      LINEAR[i] = decode(i / 255.0);
    }
  }

  private Oklab() {}

  /** One OKLab colour. */
  public record Lab(double l, double a, double b) {

    public double chroma() {
      return Math.hypot(a, b);
    }

    /** Euclidean distance in OKLab, the ΔE_OK of Ottosson's definition. */
    public double distance(Lab other) {
      double dl = l - other.l;
      double da = a - other.a;
      double db = b - other.b;
      return Math.sqrt(dl * dl + da * da + db * db);
    }
  }

  /** Linear light (0..1) of an sRGB 8-bit code value. */
  public static double linear(int code) {
    return LINEAR[code & 0xFF];
  }

  /** OKLab of a packed 0xRRGGBB colour. */
  public static Lab fromRgb(int rgb) {
    return fromLinear(linear(rgb >> 16), linear(rgb >> 8), linear(rgb));
  }

  /** OKLab of linear-light sRGB components. */
  public static Lab fromLinear(double r, double g, double b) {
    double l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    double m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    double s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return fromLms(l, m, s);
  }

  /** OKLab of CIE XYZ (D65 white, Y of white = 1), used to place illuminant colours. */
  public static Lab fromXyz(double x, double y, double z) {
    double l = Math.cbrt(0.8189330101 * x + 0.3618667424 * y - 0.1288597137 * z);
    double m = Math.cbrt(0.0329845436 * x + 0.9293118715 * y + 0.0361456387 * z);
    double s = Math.cbrt(0.0482003018 * x + 0.2643662691 * y + 0.6338517070 * z);
    return fromLms(l, m, s);
  }

  private static Lab fromLms(double l, double m, double s) {
    return new Lab(
        0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
        1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
        0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s);
  }

  /** Packed 0xRRGGBB of an OKLab colour, clipped to the sRGB gamut. */
  public static int toRgb(Lab lab) {
    double l = cube(lab.l() + 0.3963377774 * lab.a() + 0.2158037573 * lab.b());
    double m = cube(lab.l() - 0.1055613458 * lab.a() - 0.0638541728 * lab.b());
    double s = cube(lab.l() - 0.0894841775 * lab.a() - 1.2914855480 * lab.b());
    int r = encode(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s);
    int g = encode(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s);
    int b = encode(-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s);
    return (r << 16) | (g << 8) | b;
  }

  private static double cube(double v) {
    return v * v * v;
  }

  /** The sRGB transfer function (IEC 61966-2-1), encoded 0..1 to linear 0..1. */
  private static double decode(double v) {
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }

  private static int encode(double linear) {
    double c = Math.min(1, Math.max(0, linear));
    double v = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    return (int) Math.round(v * 255);
  }
}
