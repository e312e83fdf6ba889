package io.promptlens.vision.intake;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.color.ICC_ProfileRGB;

/**
 * Whether an embedded ICC profile describes sRGB: the same primaries (its colorant matrix) and the
 * same tone curve on every channel, whatever its name or version ("sRGB IEC61966-2.1", "sRGB
 * built-in", a camera maker's copy). A JPEG tagged so holds sRGB values already, so decoding it
 * without colour management gives what a viewer shows; converting it from sRGB to sRGB only adds
 * rounding. Display P3, Adobe RGB, a gamma 2.2 curve or anything that does not parse is not sRGB.
 */
final class SrgbProfiles {

  /**
   * Colorants may differ by this much (XYZ, D50): profile writers round the matrix to 16 bits and
   * some adapt it from D65 with another method, moving entries by about 0.001.
   */
  static final double MATRIX_TOLERANCE = 0.003;

  /**
   * Tone curves may differ by this much at any of 256 input levels, in output units of 0..1: a
   * quarter of an 8-bit level, so no value decodes differently by more than rounding. A gamma 2.2
   * curve departs from sRGB's by 0.02 and more in the shadows.
   */
  static final double CURVE_TOLERANCE = 0.25 / 255;

  private static final ICC_ProfileRGB SRGB =
      (ICC_ProfileRGB) ICC_Profile.getInstance(ColorSpace.CS_sRGB);

  private SrgbProfiles() {}

  static boolean isSrgb(byte[] icc) {
    try {
      if (!(ICC_Profile.getInstance(icc) instanceof ICC_ProfileRGB rgb)) {
        return false;
      }
      return sameMatrix(rgb.getMatrix(), SRGB.getMatrix())
          && sameCurve(rgb, ICC_ProfileRGB.REDCOMPONENT)
          && sameCurve(rgb, ICC_ProfileRGB.GREENCOMPONENT)
          && sameCurve(rgb, ICC_ProfileRGB.BLUECOMPONENT);
    } catch (RuntimeException e) {
      // A profile Java cannot read (IllegalArgumentException), a parametric curve it does not
      // expose as a table (ProfileDataException): not known to be sRGB.
      return false;
    }
  }

  private static boolean sameMatrix(float[][] a, float[][] b) {
    for (int row = 0; row < 3; row++) {
      for (int column = 0; column < 3; column++) {
        if (Math.abs(a[row][column] - b[row][column]) > MATRIX_TOLERANCE) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean sameCurve(ICC_ProfileRGB profile, int component) {
    short[] reference = SRGB.getTRC(component);
    short[] table;
    try {
      table = profile.getTRC(component);
    } catch (java.awt.color.ProfileDataException e) {
      return false; // a single gamma value: not sRGB's piecewise curve
    }
    for (int level = 0; level < 256; level++) {
      if (Math.abs(at(table, level / 255.0) - at(reference, level / 255.0)) > CURVE_TOLERANCE) {
        return false;
      }
    }
    return true;
  }

  /** The curve's output (0..1) at input x (0..1), interpolating its table linearly. */
  private static double at(short[] table, double x) {
    if (table.length == 1) {
      return x; // not reached: one entry is a gamma, which getTRC refuses
    }
    double position = x * (table.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(table.length - 1, below + 1);
    double fraction = position - below;
    double low = (table[below] & 0xFFFF) / 65535.0;
    double high = (table[above] & 0xFFFF) / 65535.0;
    return low + (high - low) * fraction;
  }
}
