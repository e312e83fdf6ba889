package io.promptlens.vision.subject;

import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.DepthOfField;
import io.promptlens.core.analysis.Focus;
import io.promptlens.core.analysis.MainSubject;
import io.promptlens.core.analysis.SubjectCategory;
import io.promptlens.core.analysis.SubjectPosition;
import io.promptlens.core.compiler.ColourWords;
import io.promptlens.core.compiler.Statement;
import io.promptlens.core.compiler.StatementThresholds;
import io.promptlens.vision.composition.SubjectRegion;
import io.promptlens.vision.measure.Grid;
import io.promptlens.vision.measure.Regions;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Describes the measured main subject in words when nothing names it: its size, place, colour and
 * shape against its background, e.g. "a large vivid orange rounded form filling most of the frame
 * against a greyish green background". It never guesses a name. The form is the connected region of
 * coarse-grid cells unlike every side of the frame ({@link #FIGURE_DISTANCE}) that overlaps the
 * salient region, so a subject lit on one side is taken whole rather than its highlight alone;
 * failing that, the salient region itself. Where neither is usable (a speck, a small detail at an
 * edge, a form in a corner, a band across the frame, a wide strip along its top edge, a small strip
 * or faint patch, or nearly the whole frame), the picture is an all-over surface and is described
 * by its two largest palette colours. Thread-safe.
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
   * A small form is what the picture is of only when it stands out: a compact shape (not a strip,
   * see {@link #ELONGATED}) whose mean colour lies at least twice {@link #FIGURE_DISTANCE} from the
   * rest of the frame's. Of 28 small forms looked at on contact sheets (2026-12-06: the eval images
   * and the fresh landscape photographs of endless-sky-data), the 8 that were what the picture
   * shows (a hen, a racket, a dog on leaves, the Earth over the Moon) were all compact and 0.23 to
   * 0.53 from their surround. Of the 20 that were not, 11 were strips (a band of horizon, a birch
   * trunk, a doorway, a line of handwriting) and 3 more faint patches under 0.2 (a node of a
   * diagram, a court's corner); the other 6 (part of an outlined aeroplane, a stained-glass
   * window's middle) pass this floor, which removes the commonest wrong forms, not all of them.
   */
  static final double SMALL_FORM_CONTRAST = 2 * SubjectDescriber.FIGURE_DISTANCE;

  /**
   * Mask cells over box cells: an ellipse fills π/4 ≈ 0.785 of its box, a rectangle all of it, so
   * over 0.88 reads as rectangular and 0.65–0.88 as rounded; under 0.45 the shape is irregular.
   */
  static final double RECTANGULAR_FILL = 0.88;

  static final double ROUNDED_FILL = 0.65;

  /**
   * A rounded form must also lie close to the ellipse inscribed in its box: their overlap
   * (intersection over union) at least this. A full rectangle overlaps that ellipse π/4 ≈ 0.785, so
   * a form that overlaps it more is nearer an ellipse than a box is. Fill alone also lets through
   * boxes with holes (a dialog window), L shapes and bar charts (issue 18: 18 of 30 "rounded" forms
   * on a contact sheet of help figures and eval images were not).
   */
  static final double ROUNDED_OVERLAP = 0.8;

  static final double IRREGULAR_FILL = 0.45;

  /** Box width over height beyond which the form is elongated (or tall under its inverse). */
  static final double ELONGATED = 2.2;

  /**
   * A cell is figure when its colour is at least this OKLab distance (five just-noticeable
   * differences) from the mean colour of every side of the frame: the boundary prior of
   * figure-ground segmentation (Y. Wei et al., "Geodesic saliency using background priors", ECCV
   * 2012): what touches no side's colour stands in front of the background.
   */
  static final double FIGURE_DISTANCE = 0.1;

  /** A region of grid cells with its measures. */
  record Blob(
      boolean[] mask,
      int cells,
      double area,
      double cx,
      double cy,
      double aspect,
      double fill,
      double ellipseOverlap,
      boolean crossesFrame) {

    static @Nullable Blob of(boolean[] mask, int w, int h) {
      int cells = 0;
      double sx = 0;
      double sy = 0;
      int x0 = w;
      int y0 = h;
      int x1 = -1;
      int y1 = -1;
      for (int k = 0; k < w * h; k++) {
        if (mask[k]) {
          int x = k % w;
          int y = k / w;
          cells++;
          sx += x + 0.5;
          sy += y + 0.5;
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x);
          y1 = Math.max(y1, y);
        }
      }
      if (cells == 0) {
        return null;
      }
      double bw = x1 - x0 + 1;
      double bh = y1 - y0 + 1;
      double aspect = bw / bh;
      boolean crosses =
          (aspect >= ELONGATED && x0 == 0 && x1 == w - 1)
              || (aspect <= 1 / ELONGATED && y0 == 0 && y1 == h - 1);
      return new Blob(
          mask,
          cells,
          cells / (double) (w * h),
          sx / cells / w,
          sy / cells / h,
          aspect,
          cells / (bw * bh),
          ellipseOverlap(mask, w, cells, x0, y0, bw, bh),
          crosses);
    }

    /** Whether the form is a strip: wide and short or tall and narrow ({@link #ELONGATED}). */
    boolean elongated() {
      return aspect >= ELONGATED || aspect <= 1 / ELONGATED;
    }

    /** Intersection over union of the mask and the ellipse inscribed in its box, cell centres. */
    private static double ellipseOverlap(
        boolean[] mask, int w, int cells, int x0, int y0, double bw, double bh) {
      double rx = bw / 2;
      double ry = bh / 2;
      int ellipse = 0;
      int both = 0;
      for (int y = y0; y < y0 + bh; y++) {
        for (int x = x0; x < x0 + bw; x++) {
          double dx = (x + 0.5 - x0 - rx) / rx;
          double dy = (y + 0.5 - y0 - ry) / ry;
          if (dx * dx + dy * dy <= 1) {
            ellipse++;
            if (mask[y * w + x]) {
              both++;
            }
          }
        }
      }
      return both / (double) (cells + ellipse - both);
    }
  }

  /** The description of an image with no transparency. */
  public MainSubject describe(Grid grid, SubjectRegion region, ColorAnalysis color, Focus focus) {
    return describe(grid, region, color, focus, null);
  }

  /**
   * The description, with category "form" or "surface"; unknown when the grid is empty. {@code
   * opacity} is the mean opacity of each grid cell (null for an image with no transparency): on a
   * transparent ground the figure is the opaque region, whatever its colour.
   */
  public MainSubject describe(
      Grid grid,
      SubjectRegion region,
      ColorAnalysis color,
      Focus focus,
      float @Nullable [] opacity) {
    if (grid.size() == 0) {
      return MainSubject.unknown();
    }
    int w = grid.width();
    int h = grid.height();
    Blob salient = region.found() ? Blob.of(region.mask(), w, h) : null;
    Blob figure = figure(grid, salient);
    // A light artwork on a transparent ground, flattened onto white, is not unlike the sides; its
    // opaque region is the figure then. Only then: where the colours already make a figure, the
    // descriptions of cut-outs stay as they were.
    Blob cutOut =
        usable(figure, grid) || opacity == null || !cutOut(opacity, w, h)
            ? null
            : opaque(opacity, w, h, salient);
    if (usable(cutOut, grid)) {
      figure = cutOut;
    }
    Blob blob = usable(figure, grid) ? figure : usable(salient, grid) ? salient : null;
    if (blob == null) {
      return surface(color);
    }
    int n = grid.size();
    double[] inside = new double[3];
    double[] outside = new double[3];
    for (int k = 0; k < n; k++) {
      double[] sum = blob.mask()[k] ? inside : outside;
      sum[0] += grid.l()[k];
      sum[1] += grid.a()[k];
      sum[2] += grid.b()[k];
    }
    int ni = blob.cells();
    int no = n - ni;
    String colour = colour(grid, blob.mask(), true, inside, ni, "multicoloured");
    String background = colour(grid, blob.mask(), false, outside, no, "varied, multicoloured");
    double area = blob.area();
    String size = area >= LARGE_AREA ? "large " : area < SMALL_AREA ? "small " : "";
    String place =
        area >= FILLING_AREA
            ? "filling most of the frame"
            : place(SubjectPosition.at(blob.cx(), blob.cy()));
    boolean blurred =
        focus.depthOfField() == DepthOfField.SHALLOW
            && StatementThresholds.DEFAULT.says(
                Statement.DEPTH_OF_FIELD, focus.depthOfFieldConfidence());
    // A cut-out's opaque region is the whole artwork, outline and all, blocky on the grid: its
    // shape word was wrong on two of the eight such forms looked at (a milk carton "rounded", a
    // star's glow "rectangular"), so it gets none.
    String words = size + colour + " " + (blob == cutOut ? "" : shape(blob)) + "form";
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
    double confidence =
        blob == figure ? 0.6 : Math.min(0.85, 0.5 + 0.35 * Math.min(1, region.strength() - 1));
    return new MainSubject(
        null,
        described,
        SubjectCategory.FORM,
        0,
        SOURCE,
        Math.round(confidence * 1000) / 1000.0,
        blob == figure && blob == cutOut
            ? "described from the opaque region of a picture on a transparent ground; no name was"
                + " confident"
            : blob == figure
                ? "described from the region unlike every side of the frame (boundary prior); no name"
                    + " was confident"
                : "described from the most salient region (Achanta saliency); no name was confident");
  }

  /**
   * Colour words for the cells in (or out of) the mask: their mean colour when its basic colour
   * term ("green", "brown"; black, grey and white count as one family) is the most common among the
   * cells, otherwise the two colours most of the cells are ("red and black", {@link
   * #NAMED_PAIR_SHARE}), otherwise {@code mixed}: a mean that most cells do not share is a colour
   * nobody sees (orange, lemon and lime averaging to "greyish brown").
   */
  static String colour(
      Grid grid, boolean[] mask, boolean in, double[] sum, int count, String mixed) {
    String mean = ColourWords.describe(sum[0] / count, sum[1] / count, sum[2] / count);
    java.util.Map<String, Integer> families = new java.util.HashMap<>();
    java.util.Map<String, Integer> terms = new java.util.HashMap<>();
    int cells = 0;
    for (int k = 0; k < grid.size(); k++) {
      if (mask[k] == in) {
        String words = ColourWords.describe(grid.l()[k], grid.a()[k], grid.b()[k]);
        families.merge(family(words), 1, Integer::sum);
        terms.merge(term(words), 1, Integer::sum);
        cells++;
      }
    }
    String most =
        families.entrySet().stream()
            .max(
                java.util.Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(java.util.Map.Entry.comparingByKey()))
            .map(java.util.Map.Entry::getKey)
            .orElse("");
    List<java.util.Map.Entry<String, Integer>> colours = byCount(terms);
    if (family(mean).equals(most)) {
      return most.equals("grey") ? achromatic(mean, terms, colours, cells) : mean;
    }
    if (colours.size() >= 2
        && colours.get(1).getValue() >= SECOND_COLOUR_SHARE * cells
        && colours.get(0).getValue() + colours.get(1).getValue() >= NAMED_PAIR_SHARE * cells) {
      return colours.get(0).getKey() + " and " + colours.get(1).getKey();
    }
    return mixed;
  }

  /**
   * A form (or background) of two colours is named by both when they cover four fifths of its cells
   * and the second has at least a fifth ({@link #SECOND_COLOUR_SHARE}): a red wagon with black
   * wheels is "red and black", which a generator draws, where "multicoloured" draws a rainbow. The
   * fractions say what "mostly these two" means in words; they were not fitted to images.
   */
  static final double NAMED_PAIR_SHARE = 0.8;

  /** The least share of the cells the second of two named colours covers. */
  static final double SECOND_COLOUR_SHARE = 0.2;

  /** Counts from most to least, ties by name, so that the words do not depend on hash order. */
  private static List<java.util.Map.Entry<String, Integer>> byCount(
      java.util.Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(
            java.util.Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(java.util.Map.Entry.comparingByKey()))
        .toList();
  }

  /** The basic colour term of colour words: the last word ("maroon", "green", "white"). */
  private static String term(String words) {
    return words.substring(words.lastIndexOf(' ') + 1);
  }

  /**
   * The words for cells of the black, grey and white family. Their mean is what they look like
   * unless few of them have its term: white and black cells average to a grey neither is (an icon's
   * white ground with a black saucer in it was "a grey background"). Then the term at least half of
   * the cells have is said; "few" is under a fifth, the share that makes a second colour worth
   * naming ({@link #SECOND_COLOUR_SHARE}).
   */
  private static String achromatic(
      String mean,
      java.util.Map<String, Integer> terms,
      List<java.util.Map.Entry<String, Integer>> colours,
      int cells) {
    int sharing = terms.getOrDefault(term(mean), 0);
    java.util.Map.Entry<String, Integer> top = colours.get(0);
    return sharing < SECOND_COLOUR_SHARE * cells && 2 * top.getValue() >= cells
        ? top.getKey()
        : mean;
  }

  /** The basic colour term of colour words, with black, grey and white as one family. */
  private static String family(String words) {
    String last = term(words);
    return last.equals("black") || last.equals("white") ? "grey" : last;
  }

  /**
   * Whether a blob can be what the picture is of: not a speck, an edge detail, a corner, a strip
   * across the frame, a small form that does not stand out ({@link #SMALL_FORM_CONTRAST}) or the
   * frame. A form centred in a corner touches two sides of the frame, which the boundary prior (see
   * {@link #FIGURE_DISTANCE}) reads as background: on the eval images and 290 fresh landscape
   * photographs all 14 such forms were a patch of sky or cloud, a ceiling, a lawn's edge or a dark
   * corner, none the subject. A strip that reaches both ends of the frame along its length crosses
   * it: a band of sky, land, sea or skyline, not a figure in front of a background. On the eval
   * images 13 described forms did (2026-12-06, contact sheet): 6 bands of sky, 5 of sea, sand,
   * forest, trees or ground, and 2 tall panels of a game screen and a program window; the last is
   * the one that was what the picture shows. One filling most of the frame is described without a
   * place.
   */
  private static boolean usable(@Nullable Blob blob, Grid grid) {
    if (blob == null
        || blob.area() < DETAIL_AREA
        || blob.area() >= SURFACE_AREA
        || blob.crossesFrame()) {
      return false;
    }
    SubjectPosition at = SubjectPosition.at(blob.cx(), blob.cy());
    if (at.zone() == SubjectPosition.Zone.CORNER && blob.area() < FILLING_AREA) {
      return false;
    }
    if (at.atFrame() && blob.area() < EDGE_AREA) {
      return false;
    }
    if (skyStrip(blob, at)) {
      return false;
    }
    return blob.area() >= SMALL_AREA
        || (!blob.elongated() && contrast(grid, blob.mask()) >= SMALL_FORM_CONTRAST);
  }

  /**
   * Whether the form is a wide strip at the top edge: what lies above everything else in a picture
   * is sky or a ceiling, a border of the scene rather than a figure in front of it. On the eval
   * images and the endless-sky-data photographs (2026-12-06) all 8 such forms were sky over a
   * street, a field, a valley or mountains. The bottom edge is not alike: things stand on the
   * ground, and of 9 wide forms there 3 were the subject (a pickup truck, a drawn wreck, a
   * chequered floor), so they stay.
   */
  private static boolean skyStrip(Blob blob, SubjectPosition at) {
    return blob.aspect() >= ELONGATED && at == SubjectPosition.TOP_EDGE;
  }

  /** OKLab distance between the mean colours of the cells in and out of the mask. */
  static double contrast(Grid grid, boolean[] mask) {
    double[] in = new double[3];
    double[] out = new double[3];
    int ni = 0;
    for (int k = 0; k < grid.size(); k++) {
      if (mask[k]) {
        add(in, grid, k);
        ni++;
      } else {
        add(out, grid, k);
      }
    }
    int no = grid.size() - ni;
    if (ni == 0 || no == 0) {
      return 0;
    }
    double dl = in[0] / ni - out[0] / no;
    double da = in[1] / ni - out[1] / no;
    double db = in[2] / ni - out[2] / no;
    return Math.sqrt(dl * dl + da * da + db * db);
  }

  /** A cell is transparent under this mean opacity, and opaque from it. */
  static final double OPAQUE = 0.5;

  /**
   * Whether the picture is a cut-out on a transparent ground: at least half of the cells along the
   * frame's edges are transparent. Flattened onto white, such a ground is white, and a white or
   * light artwork on it would not be unlike the sides; its alpha still says where it is. The edge
   * is the boundary prior's own evidence (the ground reaches the sides), so a sticker that fills
   * its frame and is clear only in the corners keeps the colour figure.
   */
  static boolean cutOut(float @Nullable [] opacity, int w, int h) {
    if (opacity == null || opacity.length != w * h || w < 3 || h < 3) {
      return false;
    }
    int edge = 0;
    int clear = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
          edge++;
          clear += opacity[y * w + x] < OPAQUE ? 1 : 0;
        }
      }
    }
    return 2 * clear >= edge;
  }

  /** The connected opaque region that overlaps the salient region most, or null. */
  static @Nullable Blob opaque(float[] opacity, int w, int h, @Nullable Blob salient) {
    boolean[] solid = new boolean[w * h];
    for (int k = 0; k < solid.length; k++) {
      solid[k] = opacity[k] >= OPAQUE;
    }
    return region(solid, w, h, salient);
  }

  /**
   * The connected region of cells unlike every side of the frame that overlaps the salient region
   * most (the largest one when none overlaps), or null.
   */
  static @Nullable Blob figure(Grid grid, @Nullable Blob salient) {
    int w = grid.width();
    int h = grid.height();
    if (w < 3 || h < 3) {
      return null;
    }
    double[][] sides = new double[4][3];
    int[] counts = new int[4];
    for (int x = 0; x < w; x++) {
      add(sides[0], grid, x);
      add(sides[1], grid, (h - 1) * w + x);
      counts[0]++;
      counts[1]++;
    }
    for (int y = 0; y < h; y++) {
      add(sides[2], grid, y * w);
      add(sides[3], grid, y * w + w - 1);
      counts[2]++;
      counts[3]++;
    }
    boolean[] unlike = new boolean[w * h];
    for (int k = 0; k < w * h; k++) {
      boolean far = true;
      for (int side = 0; side < 4 && far; side++) {
        double dl = grid.l()[k] - sides[side][0] / counts[side];
        double da = grid.a()[k] - sides[side][1] / counts[side];
        double db = grid.b()[k] - sides[side][2] / counts[side];
        far = Math.sqrt(dl * dl + da * da + db * db) >= FIGURE_DISTANCE;
      }
      unlike[k] = far;
    }
    return region(unlike, w, h, salient);
  }

  /**
   * Of the connected regions of the marked cells, the one that overlaps the salient region most
   * (the largest one when none overlaps), or null when no cell is marked.
   */
  private static @Nullable Blob region(boolean[] marked, int w, int h, @Nullable Blob salient) {
    int[] labels = new int[w * h];
    int count = Regions.label(marked, w, h, labels);
    if (count == 0) {
      return null;
    }
    int[] size = new int[count];
    int[] overlap = new int[count];
    for (int k = 0; k < w * h; k++) {
      if (labels[k] >= 0) {
        size[labels[k]]++;
        if (salient != null && salient.mask()[k]) {
          overlap[labels[k]]++;
        }
      }
    }
    int best = 0;
    for (int c = 1; c < count; c++) {
      boolean better =
          overlap[c] > overlap[best] || (overlap[c] == overlap[best] && size[c] > size[best]);
      if (better) {
        best = c;
      }
    }
    boolean[] mask = new boolean[w * h];
    for (int k = 0; k < w * h; k++) {
      mask[k] = labels[k] == best;
    }
    return Blob.of(mask, w, h);
  }

  private static void add(double[] sum, Grid grid, int k) {
    sum[0] += grid.l()[k];
    sum[1] += grid.a()[k];
    sum[2] += grid.b()[k];
  }

  private static MainSubject surface(ColorAnalysis color) {
    var palette = color.palette();
    if (palette.isEmpty()) {
      return new MainSubject(
          null,
          null,
          SubjectCategory.SURFACE,
          0,
          SOURCE,
          0,
          "no region stands out and no colour was measured");
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
        SubjectCategory.SURFACE,
        0,
        SOURCE,
        0.5,
        "no region stands out from the rest of the frame");
  }

  static String shape(Blob blob) {
    if (blob.aspect() >= ELONGATED) {
      return "wide, elongated ";
    }
    if (blob.aspect() <= 1 / ELONGATED) {
      return "tall, narrow ";
    }
    if (blob.fill() >= RECTANGULAR_FILL) {
      return "rectangular ";
    }
    if (blob.fill() >= ROUNDED_FILL && blob.ellipseOverlap() >= ROUNDED_OVERLAP) {
      return "rounded ";
    }
    if (blob.fill() >= ROUNDED_FILL) {
      return "";
    }
    return blob.fill() < IRREGULAR_FILL ? "irregular " : "";
  }

  /** "in the center", "in the left third", "at the top edge", "in the upper-left corner". */
  static String place(SubjectPosition position) {
    return (position.zone() == SubjectPosition.Zone.EDGE ? "at the " : "in the ") + position;
  }

  private static String article(String words) {
    char c = words.toLowerCase(Locale.ROOT).charAt(0);
    return "aeiou".indexOf(c) >= 0 ? "an" : "a";
  }
}
