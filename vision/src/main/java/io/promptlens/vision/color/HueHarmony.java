package io.promptlens.vision.color;

import io.promptlens.vision.measure.Hues;
import io.promptlens.vision.measure.Oklab;
import io.promptlens.vision.measure.PixelSample;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Hue facts of the coloured pixels (OKLab chroma ≥ {@link #COLOURED}): hue families, the harmony
 * template, monochrome and sepia.
 *
 * <p>Harmony uses the hue templates of D. Cohen-Or, O. Sorkine, R. Gal, T. Leyvand and Y.-Q. Xu,
 * "Color harmonization" (SIGGRAPH 2006), after Y. Matsuda's "Color design" (1995): grey sectors on
 * the hue wheel that a harmonious palette's hues fall into. The image fits a template when, at the
 * template's best rotation, at least {@link #FIT} of the chroma-weighted hue mass lies inside its
 * sectors; the narrowest fitting template names the harmony. The i-type sector is widened from 18°
 * to {@link #MONO_WIDTH}° because JPEG chroma subsampling scatters hues of weakly coloured pixels
 * by several degrees; triadic (three sectors 120° apart) is added because prompts use the word.
 * Thread-safe.
 */
final class HueHarmony {

  /** Two just-noticeable differences of chroma: below it a pixel's hue is not seen reliably. */
  static final double COLOURED = 0.04;

  /** At least 90 % of the hue mass must fit a template. */
  static final double FIT = 0.9;

  /** A family is listed when it holds at least a tenth of the coloured pixels. */
  static final double FAMILY_SHARE = 0.1;

  private static final int HUE_CACHE_BITS = 15;
  private static final int HUE_CACHE_SLOTS = 1 << HUE_CACHE_BITS;

  /** Hue facts need at least 2 % of the pixels to be coloured. */
  static final double MIN_COLOURED_SHARE = 0.02;

  static final double MONO_WIDTH = 30;

  /** Sepia: a monochrome whose hue is within this many degrees of the sepia pigment's. */
  static final double SEPIA_TOLERANCE = 25;

  /** Sepia is a muted tone: mean chroma of the coloured pixels at most this (about 4 JNDs). */
  static final double SEPIA_MAX_CHROMA = 0.08;

  /** The hue of "sepia" (#704214 in the ISCC–NBS / Crayola sense) in OKLab. */
  static final double SEPIA_HUE = Hues.of(0x704214);

  private static final String[] FAMILIES = {
    "red", "orange", "yellow", "green", "cyan", "blue", "purple", "pink"
  };

  /**
   * Family centres: the OKLab hues of sRGB red, orange, yellow, green, cyan, blue, violet, magenta.
   */
  private static final double[] CENTRES = {
    Hues.of(0xFF0000),
    Hues.of(0xFF8000),
    Hues.of(0xFFFF00),
    Hues.of(0x00FF00),
    Hues.of(0x00FFFF),
    Hues.of(0x0000FF),
    Hues.of(0x8000FF),
    Hues.of(0xFF00FF)
  };

  private record Template(String name, double[] offsets, double[] widths) {}

  private static final List<Template> TEMPLATES =
      List.of(
          new Template("monochromatic", new double[] {0}, new double[] {MONO_WIDTH}),
          new Template("analogous", new double[] {0}, new double[] {93.6}),
          new Template("complementary", new double[] {0, 180}, new double[] {18, 18}),
          new Template("triadic", new double[] {0, 120, 240}, new double[] {30, 30, 30}),
          new Template("split-complementary", new double[] {0, 180}, new double[] {93.6, 18}),
          new Template("double-complementary", new double[] {0, 180}, new double[] {93.6, 93.6}));

  /** What the hue analysis found; fields null when too few pixels are coloured. */
  record Result(
      List<String> families,
      @Nullable String harmony,
      @Nullable Boolean monochrome,
      @Nullable Boolean sepia,
      double hueCentre) {

    /** A grey image: no hue families, and neither monochrome nor sepia (it has no hue at all). */
    static final Result GREY =
        new Result(List.of(), null, Boolean.FALSE, Boolean.FALSE, Double.NaN);
  }

  static Result analyze(PixelSample sample) {
    int n = sample.size();
    double[] histogram = new double[360];
    int[] familyCount = new int[FAMILIES.length + 1];
    int coloured = 0;
    double chromaSum = 0;
    // A sampled colour's a, b and L are the same floats wherever it recurs (PixelSample), so its
    // hue and family are too: a colour met again takes them from the last pixel that had it
    // instead of another atan2, which costs more than the rest of this loop.
    int[] seen = new int[HUE_CACHE_SLOTS];
    java.util.Arrays.fill(seen, -1);
    double[] seenHue = new double[HUE_CACHE_SLOTS];
    int[] seenFamily = new int[HUE_CACHE_SLOTS];
    int[] rgb = sample.rgb();
    for (int i = 0; i < n; i++) {
      double a = sample.a()[i];
      double b = sample.b()[i];
      double chroma = Math.sqrt(a * a + b * b);
      if (chroma < COLOURED) {
        continue;
      }
      coloured++;
      chromaSum += chroma;
      int colour = rgb[i];
      int slot = (colour * 0x9E3779B1) >>> (32 - HUE_CACHE_BITS);
      double hue;
      int family;
      if (seen[slot] == colour) {
        hue = seenHue[slot];
        family = seenFamily[slot];
      } else {
        hue = Hues.degrees(a, b);
        family = nearestFamily(hue);
        // Dark oranges, reds and yellows are what people call brown.
        if (family <= 2 && sample.lightness()[i] < 0.5) {
          family = FAMILIES.length;
        }
        seen[slot] = colour;
        seenHue[slot] = hue;
        seenFamily[slot] = family;
      }
      histogram[Math.min(359, (int) hue)] += chroma;
      familyCount[family]++;
    }
    if (coloured < MIN_COLOURED_SHARE * n) {
      return new Result(List.of(), null, null, null, Double.NaN);
    }
    List<String> families = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    for (int f = 0; f <= FAMILIES.length; f++) {
      if (familyCount[f] >= FAMILY_SHARE * coloured) {
        order.add(f);
      }
    }
    order.sort(
        (x, y) -> familyCount[y] != familyCount[x] ? familyCount[y] - familyCount[x] : x - y);
    for (int f : order) {
      families.add(f == FAMILIES.length ? "brown" : FAMILIES[f]);
    }
    double[] prefix = new double[721];
    for (int i = 0; i < 720; i++) {
      prefix[i + 1] = prefix[i] + histogram[i % 360];
    }
    double total = prefix[360];
    String harmony = "varied";
    double monoFit = 0;
    double monoCentre = 0;
    for (Template t : TEMPLATES) {
      double bestFit = 0;
      double bestRotation = 0;
      for (int rotation = 0; rotation < 360; rotation++) {
        double inside = 0;
        for (int s = 0; s < t.offsets().length; s++) {
          inside += arc(prefix, rotation + t.offsets()[s], t.widths()[s]);
        }
        if (inside > bestFit) {
          bestFit = inside;
          bestRotation = rotation;
        }
      }
      double fit = bestFit / total;
      if (t == TEMPLATES.get(0)) {
        monoFit = fit;
        monoCentre = bestRotation;
      }
      if (fit >= FIT && "varied".equals(harmony)) {
        harmony = t.name();
      }
    }
    boolean monochrome = monoFit >= FIT;
    boolean sepia =
        monochrome
            && Hues.distance(monoCentre, SEPIA_HUE) <= SEPIA_TOLERANCE
            && chromaSum / coloured <= SEPIA_MAX_CHROMA;
    return new Result(families, harmony, monochrome, sepia, monoCentre);
  }

  /** Hue mass within ±width/2 of centre, from circular prefix sums of 1° bins. */
  private static double arc(double[] prefix, double centre, double width) {
    double from = ((centre - width / 2) % 360 + 360) % 360;
    int start = (int) Math.round(from);
    int length = (int) Math.round(width);
    return prefix[start + length] - prefix[start];
  }

  private static int nearestFamily(double hue) {
    int best = 0;
    double bestDistance = Hues.distance(hue, CENTRES[0]);
    for (int f = 1; f < CENTRES.length; f++) {
      double distance = Hues.distance(hue, CENTRES[f]);
      if (distance < bestDistance) {
        best = f;
        bestDistance = distance;
      }
    }
    return best;
  }

  /**
   * Duotone: every colour lies close to one straight line in gamma-encoded sRGB (where gradient
   * maps interpolate) whose two ends have clearly different hues. The residual off the line must be
   * under {@link #LINE_RESIDUAL} (RMS, 0..1 units: about 8 code values, of the order of a JND), the
   * ends must differ in OKLab hue by at least 30° and both carry colour (chroma ≥ {@link
   * #COLOURED}).
   */
  static boolean duotone(PixelSample sample) {
    int n = sample.size();
    int[] rgb = sample.rgb();
    // Each per-pixel term below depends on one code value, or on two for the cross products, so
    // the one-code terms come from 256-entry tables: the same divisions, done once per code value
    // instead of once per pixel, and added in the same order, so the sums are the same to the bit.
    double[] share = new double[256];
    for (int code = 0; code < 256; code++) {
      share[code] = UNIT[code] / n;
    }
    double[] mean = new double[3];
    for (int colour : rgb) {
      mean[0] += share[(colour >> 16) & 0xFF];
      mean[1] += share[(colour >> 8) & 0xFF];
      mean[2] += share[colour & 0xFF];
    }
    // The covariance is symmetric: the six distinct sums, each added in the same order as the
    // full 3 × 3 loop did (a product does not depend on its operands' order), so equal to the bit.
    double m0 = mean[0];
    double m1 = mean[1];
    double m2 = mean[2];
    double[] d0 = new double[256];
    double[] d1 = new double[256];
    double[] d2 = new double[256];
    double[] s0 = new double[256];
    double[] s1 = new double[256];
    double[] s2 = new double[256];
    for (int code = 0; code < 256; code++) {
      d0[code] = UNIT[code] - m0;
      d1[code] = UNIT[code] - m1;
      d2[code] = UNIT[code] - m2;
      s0[code] = d0[code] * d0[code] / n;
      s1[code] = d1[code] * d1[code] / n;
      s2[code] = d2[code] * d2[code] / n;
    }
    double c00 = 0;
    double c01 = 0;
    double c02 = 0;
    double c11 = 0;
    double c12 = 0;
    double c22 = 0;
    for (int colour : rgb) {
      int r = (colour >> 16) & 0xFF;
      int g = (colour >> 8) & 0xFF;
      int b = colour & 0xFF;
      c00 += s0[r];
      c01 += d0[r] * d1[g] / n;
      c02 += d0[r] * d2[b] / n;
      c11 += s1[g];
      c12 += d1[g] * d2[b] / n;
      c22 += s2[b];
    }
    double[][] cov = {{c00, c01, c02}, {c01, c11, c12}, {c02, c12, c22}};
    double[] v = new double[3];
    double[] axis = {1, 1, 1};
    for (int it = 0; it < 50; it++) {
      double[] next = new double[3];
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          next[i] += cov[i][j] * axis[j];
        }
      }
      double norm = Math.sqrt(next[0] * next[0] + next[1] * next[1] + next[2] * next[2]);
      if (norm < 1e-12) {
        return false;
      }
      for (int i = 0; i < 3; i++) {
        axis[i] = next[i] / norm;
      }
    }
    double lambda = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        lambda += axis[i] * cov[i][j] * axis[j];
      }
    }
    double totalVariance = cov[0][0] + cov[1][1] + cov[2][2];
    double residual = Math.sqrt(Math.max(0, totalVariance - lambda));
    if (residual > LINE_RESIDUAL || lambda < 0.01) {
      return false;
    }
    float[] t = new float[n];
    for (int i = 0; i < n; i++) {
      channels(sample.rgb()[i], v);
      t[i] =
          (float)
              ((v[0] - mean[0]) * axis[0]
                  + (v[1] - mean[1]) * axis[1]
                  + (v[2] - mean[2]) * axis[2]);
    }
    double lo = io.promptlens.vision.measure.Percentile.of(t, n, 0.02);
    double hi = io.promptlens.vision.measure.Percentile.of(t, n, 0.98);
    Oklab.Lab a = endpoint(mean, axis, lo);
    Oklab.Lab b = endpoint(mean, axis, hi);
    return a.chroma() >= COLOURED
        && b.chroma() >= COLOURED
        && Hues.distance(Hues.degrees(a.a(), a.b()), Hues.degrees(b.a(), b.b())) >= 30;
  }

  static final double LINE_RESIDUAL = 0.03;

  private static Oklab.Lab endpoint(double[] mean, double[] axis, double t) {
    int rgb = 0;
    for (int c = 0; c < 3; c++) {
      int code = (int) Math.round(Math.min(1, Math.max(0, mean[c] + t * axis[c])) * 255);
      rgb = rgb << 8 | code;
    }
    return Oklab.fromRgb(rgb);
  }

  /** An 8-bit code value on 0..1, divided once here instead of three times per sampled pixel. */
  private static final double[] UNIT = new double[256];

  static {
    for (int code = 0; code < 256; code++) {
      UNIT[code] = code / 255.0;
    }
  }

  private static void channels(int rgb, double[] v) {
    v[0] = UNIT[(rgb >> 16) & 0xFF];
    v[1] = UNIT[(rgb >> 8) & 0xFF];
    v[2] = UNIT[rgb & 0xFF];
  }
}
