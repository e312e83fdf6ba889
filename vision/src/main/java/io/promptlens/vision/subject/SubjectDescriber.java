package io.promptlens.vision.subject;

import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Focus;
import io.promptlens.core.analysis.MainSubject;
import io.promptlens.core.compiler.ColourWords;
import io.promptlens.core.compiler.Statement;
import io.promptlens.core.compiler.StatementThresholds;
import io.promptlens.vision.composition.CompositionAnalyzer;
import io.promptlens.vision.composition.SubjectRegion;
import io.promptlens.vision.measure.Grid;
import java.util.Locale;

/**
 * Describes the measured main subject in words when nothing names it: its size, place, colour and
 * shape against its background, from the saliency region (its mask on the coarse grid) and the
 * grid's OKLab cell colours, e.g. "a large vivid orange rounded form in the center against a dark
 * green background". It never guesses a name. Where no region stands out, or the region fills
 * nearly the whole frame, the picture is an all-over surface and is described by its two largest
 * palette colours. Thread-safe.
 */
public final class SubjectDescriber {

  /** The source of a measured description. */
  public static final String SOURCE = "vision.composition";

  /**
   * A region under this share of the frame, or under {@link #EDGE_AREA} and touching an edge, is a
   * detail (a highlight, a dark corner), not what the picture is of.
   */
  static final double DETAIL_AREA = 0.02;

  static final double EDGE_AREA = 0.1;

  /** A region covering this much of the frame is the frame itself: an all-over surface. */
  static final double SURFACE_AREA = 0.85;

  /** ... this much fills most of the frame. */
  static final double FILLING_AREA = 0.5;

  /** ... this much is large; under {@link #SMALL_AREA} small. */
  static final double LARGE_AREA = 0.2;

  static final double SMALL_AREA = 0.05;

  /**
   * Mask cells over box cells: an ellipse fills π/4 ≈ 0.785 of its box, a rectangle all of it, so
   * over 0.88 reads as rectangular and 0.65–0.88 as rounded; under 0.45 the shape is irregular.
   */
  static final double RECTANGULAR_FILL = 0.88;

  static final double ROUNDED_FILL = 0.65;

  static final double IRREGULAR_FILL = 0.45;

  /** Box width over height beyond which the form is elongated (or tall under its inverse). */
  static final double ELONGATED = 2.2;

  /** The description, with category "form" or "surface"; unknown when the grid is empty. */
  public MainSubject describe(Grid grid, SubjectRegion region, ColorAnalysis color, Focus focus) {
    if (grid.size() == 0) {
      return MainSubject.unknown();
    }
    String position = CompositionAnalyzer.position(region.cx(), region.cy());
    boolean edge = position.contains("edge") || position.contains("corner");
    if (!region.found()
        || region.area() >= SURFACE_AREA
        || region.area() < DETAIL_AREA
        || (edge && region.area() < EDGE_AREA)) {
      return surface(color);
    }
    int n = grid.size();
    double[] inside = new double[3];
    double[] outside = new double[3];
    int ni = 0;
    for (int k = 0; k < n; k++) {
      double[] sum = region.mask()[k] ? inside : outside;
      sum[0] += grid.l()[k];
      sum[1] += grid.a()[k];
      sum[2] += grid.b()[k];
      if (region.mask()[k]) {
        ni++;
      }
    }
    int no = n - ni;
    if (ni == 0 || no == 0) {
      return surface(color);
    }
    String colour = ColourWords.describe(inside[0] / ni, inside[1] / ni, inside[2] / ni);
    String background = ColourWords.describe(outside[0] / no, outside[1] / no, outside[2] / no);
    double area = region.area();
    String size = area >= LARGE_AREA ? "large " : area < SMALL_AREA ? "small " : "";
    String shape = shape(region, ni);
    String place = area >= FILLING_AREA ? "filling most of the frame" : place(position);
    boolean blurred =
        "shallow".equals(focus.depthOfField())
            && StatementThresholds.DEFAULT.says(
                Statement.DEPTH_OF_FIELD, focus.depthOfFieldConfidence());
    String words = size + colour + " " + shape + "form";
    String described =
        article(words)
            + " "
            + words
            + " "
            + place
            + " against "
            + article(background)
            + " "
            + background
            + (blurred ? " blurred" : "")
            + " background";
    double confidence = Math.min(0.85, 0.5 + 0.35 * Math.min(1, region.strength() - 1));
    return new MainSubject(
        null,
        described,
        "form",
        0,
        SOURCE,
        Math.round(confidence * 1000) / 1000.0,
        "described from the most salient region (Achanta saliency); no name was confident");
  }

  private static MainSubject surface(ColorAnalysis color) {
    var palette = color.palette();
    if (palette.isEmpty()) {
      return new MainSubject(
          null, null, "surface", 0, SOURCE, 0, "no region stands out and no colour was measured");
    }
    String first = ColourWords.forPrompt(palette.get(0).name(), palette.get(0).hex());
    String tones = first;
    if (palette.size() > 1) {
      String second = ColourWords.forPrompt(palette.get(1).name(), palette.get(1).hex());
      if (!second.equals(first)) {
        tones = first + " and " + second;
      }
    }
    return new MainSubject(
        null,
        tones + " tones across the frame",
        "surface",
        0,
        SOURCE,
        0.5,
        "no region stands out from the rest of the frame");
  }

  private static String shape(SubjectRegion region, int cells) {
    double bw = (region.x1() - region.x0()) * region.gridWidth();
    double bh = (region.y1() - region.y0()) * region.gridHeight();
    if (bw <= 0 || bh <= 0) {
      return "";
    }
    double aspect = bw / bh;
    if (aspect >= ELONGATED) {
      return "wide, elongated ";
    }
    if (aspect <= 1 / ELONGATED) {
      return "tall, narrow ";
    }
    double fill = cells / (bw * bh);
    if (fill >= RECTANGULAR_FILL) {
      return "rectangular ";
    }
    if (fill >= ROUNDED_FILL) {
      return "rounded ";
    }
    return fill < IRREGULAR_FILL ? "irregular " : "";
  }

  /** "in the center", "in the left third", "at the top edge", "in the upper-left corner". */
  static String place(String position) {
    if (position == null || position.isEmpty()) {
      return "";
    }
    if (position.equals("center")) {
      return "in the center";
    }
    return (position.endsWith("edge") ? "at the " : "in the ") + position;
  }

  private static String article(String words) {
    char c = words.toLowerCase(Locale.ROOT).charAt(0);
    return "aeiou".indexOf(c) >= 0 ? "an" : "a";
  }
}
