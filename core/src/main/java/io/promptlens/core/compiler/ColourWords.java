package io.promptlens.core.compiler;

import io.promptlens.core.analysis.PaletteColor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Colour vocabulary an image model reads as colour. The palette's xkcd names are often the names of
 * things ("moss", "squash", "eggplant", "coffee"), which a generator draws as things; in a prompt a
 * colour is named with basic colour terms and modifiers ("olive green", "mustard yellow", "deep
 * purple"). A name whose last word is such a term is kept ("moss green", "burnt orange"); any other
 * is replaced by words built from the colour itself in OKLab (B. Ottosson, "A perceptual color
 * space for image processing", 2020): lightness, chroma and hue, with hue families anchored on the
 * OKLab hues of the sRGB primaries and secondaries (red 29°, yellow 110°, green 142°, cyan 195°,
 * blue 264°, magenta 328°).
 */
public final class ColourWords {

  /** Terms a generator reads as a colour and nothing else. */
  static final Set<String> COLOUR_TERMS =
      Set.of(
          "red",
          "orange",
          "yellow",
          "green",
          "blue",
          "purple",
          "pink",
          "brown",
          "grey",
          "gray",
          "black",
          "white",
          "violet",
          "teal",
          "beige",
          "magenta",
          "cyan",
          "turquoise",
          "maroon",
          "navy",
          "lavender",
          "lilac",
          "mauve",
          "tan",
          "cream",
          "indigo",
          "crimson",
          "scarlet",
          "ochre",
          "khaki",
          "taupe",
          "burgundy",
          "vermilion",
          "aquamarine",
          "chartreuse");

  private ColourWords() {}

  /**
   * The words of a name that says no hue and no temperature: an untinted colour keeps its name only
   * when every word is one of these ("almost black", "charcoal grey", "very light grey"), not "cool
   * grey", "slate grey" or "very light pink".
   */
  static final Set<String> NEUTRAL_WORDS =
      Set.of(
          "grey",
          "gray",
          "black",
          "white",
          "very",
          "light",
          "dark",
          "pale",
          "almost",
          "medium",
          "mid",
          "deep",
          "charcoal");

  /**
   * OKLab chroma under which a colour has no tint an eye would name: below a just noticeable
   * difference from the grey of the same lightness (about 0.02 in OKLab), and the bound {@link
   * #describe} uses for an untinted grey. An 8-bit grey, R = G = B, has none at all; xkcd's own
   * "very light pink" (#FFF4F2, 0.012) is under it too.
   */
  static final double NO_TINT = 0.015;

  /**
   * The palette name as a generator should read it: kept when it is colour words that fit the
   * colour, else built from the colour. The nearest xkcd name of a pure grey can carry a hue ("very
   * light pink" for #EAEAEA, "dark brown" for #1C1C1C), which a black-and-white picture's prompt
   * must not say; an untinted colour keeps only a name without a hue.
   */
  public static String forPrompt(String name, String hex) {
    String clean = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    String[] words = clean.split("[\\s-]+");
    String last = words.length > 0 ? words[words.length - 1] : "";
    boolean neutral = java.util.Arrays.stream(words).allMatch(NEUTRAL_WORDS::contains);
    if (COLOUR_TERMS.contains(last) && (neutral || !untinted(hex))) {
      return clean;
    }
    return describe(hex);
  }

  /**
   * The widest hue angle, in degrees, between two tinted colours of a palette that each cover at
   * least {@code minShare} of the picture (0 with fewer than two): how far apart the hues a prompt
   * names lie. Untinted colours ({@link #NO_TINT}) have no hue and are left out.
   */
  static double hueSpread(List<PaletteColor> palette, double minShare) {
    List<Double> hues = new ArrayList<>();
    for (PaletteColor entry : palette) {
      if (entry.share() < minShare) {
        continue;
      }
      int rgb = Integer.parseInt(entry.hex().substring(1), 16);
      double[] lab = oklab((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
      if (Math.hypot(lab[1], lab[2]) >= NO_TINT) {
        hues.add(Math.toDegrees(Math.atan2(lab[2], lab[1])));
      }
    }
    double widest = 0;
    for (double x : hues) {
      for (double y : hues) {
        double d = Math.abs(x - y) % 360;
        widest = Math.max(widest, Math.min(d, 360 - d));
      }
    }
    return widest;
  }

  private static boolean untinted(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    double[] lab = oklab((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    return Math.hypot(lab[1], lab[2]) < NO_TINT;
  }

  /** Colour words for an sRGB "#RRGGBB". */
  public static String describe(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    double[] lab = oklab((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    return describe(lab[0], lab[1], lab[2]);
  }

  /** Colour words for an OKLab colour. */
  public static String describe(double l, double a, double b) {
    double c = Math.hypot(a, b);
    double h = Math.toDegrees(Math.atan2(b, a));
    if (h < 0) {
      h += 360;
    }
    if (c < 0.035) {
      return grey(l, c, h);
    }
    String hue = hue(h);
    boolean dark = l < 0.45;
    boolean light = l > 0.8;
    boolean vivid = c >= 0.15;
    boolean muted = c < 0.08;
    // Hues whose dark or pale forms have their own basic names.
    switch (hue) {
      case "orange":
        if (l < 0.65) {
          return l < 0.35 ? "dark brown" : muted ? "greyish brown" : "brown";
        }
        if (light && c < 0.1) {
          return "beige";
        }
        if (muted) {
          return "tan";
        }
        break;
      case "yellow":
        if (l < 0.65) {
          return muted ? "greyish olive green" : "olive green";
        }
        if (light && c < 0.1) {
          return "cream";
        }
        if (l < 0.8) {
          return muted ? "khaki" : "mustard yellow";
        }
        break;
      case "red":
        if (dark) {
          return l < 0.3 ? "dark maroon" : "maroon";
        }
        if (light) {
          return muted ? "pale pink" : "pink";
        }
        if (l < 0.65 && !vivid) {
          return "brownish red";
        }
        break;
      case "pink":
        if (dark) {
          return "deep magenta";
        }
        break;
      case "purple":
        if (dark) {
          return "deep purple";
        }
        if (light) {
          return "lavender";
        }
        break;
      case "blue":
        if (dark && !muted) {
          return "navy blue";
        }
        break;
      default:
        break;
    }
    if (vivid) {
      return (light ? "bright " : dark ? "deep " : "vivid ") + hue;
    }
    String tone = dark ? "dark " : light ? "light " : "";
    return (muted ? "greyish " : "") + tone + hue;
  }

  private static String grey(double l, double c, double h) {
    String base =
        l < 0.25
            ? "black"
            : l < 0.45 ? "dark grey" : l < 0.7 ? "grey" : l < 0.9 ? "light grey" : "white";
    if (c < 0.015 || base.equals("black") || base.equals("white")) {
      return base;
    }
    boolean warm = h >= 20 && h < 120;
    boolean cool = h >= 180 && h < 300;
    return warm ? "warm " + base : cool ? "cool " + base : base;
  }

  /** A basic hue name for an OKLab hue angle in degrees. */
  static String hue(double h) {
    if (h < 15 || h >= 340) {
      return "pink";
    }
    if (h < 45) {
      return "red";
    }
    if (h < 85) {
      return "orange";
    }
    if (h < 120) {
      return "yellow";
    }
    if (h < 135) {
      return "yellow green";
    }
    if (h < 170) {
      return "green";
    }
    if (h < 215) {
      return "teal";
    }
    if (h < 275) {
      return "blue";
    }
    return "purple";
  }

  /** sRGB 8-bit to OKLab (Ottosson 2020), [L, a, b]. */
  static double[] oklab(int r8, int g8, int b8) {
    double r = linear(r8);
    double g = linear(g8);
    double b = linear(b8);
    double l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    double m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    double s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return new double[] {
      0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
      1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
      0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s
    };
  }

  private static double linear(int c8) {
    double c = c8 / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
