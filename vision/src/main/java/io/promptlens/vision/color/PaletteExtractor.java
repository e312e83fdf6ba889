package io.promptlens.vision.color;

import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.vision.measure.Confidence;
import io.promptlens.vision.measure.Oklab;
import io.promptlens.vision.measure.PixelSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Dominant colours by weighted k-means in OKLab, deterministic for the same pixels.
 *
 * <ol>
 *   <li>Pixels are binned on a 5-bit-per-channel sRGB grid (32,768 bins); each bin keeps its pixel
 *       count and mean colour, so clustering runs on at most 32,768 weighted points whatever the
 *       image size, and shares are exact pixel counts.
 *   <li>Seeds: greedy k-means++ (the heaviest bin first, then repeatedly the bin with the largest
 *       weight × squared distance to its nearest seed). Taking the maximum instead of sampling
 *       proportionally makes it deterministic without a random source; seeding stops early when
 *       every bin is within {@link #MERGE_DISTANCE} of a seed, so a two-colour image yields two.
 *   <li>Lloyd iterations in OKLab, then clusters closer than {@link #MERGE_DISTANCE} are merged and
 *       clusters under {@link #MIN_SHARE} dropped; their pixels go to the nearest surviving
 *       cluster, so shares still sum to 1.
 * </ol>
 *
 * Thread-safe: no state besides the immutable name list.
 */
public final class PaletteExtractor {

  /** At most this many palette entries: more swatches than a prompt can usefully mention. */
  public static final int MAX_COLORS = 8;

  /**
   * Clusters nearer than this OKLab distance are one palette colour. About 2.5 just-noticeable
   * differences (JND ≈ 0.02): two swatches this close read as the same colour named twice.
   */
  public static final double MERGE_DISTANCE = 0.05;

  /** Clusters under 1 % of the pixels are noise or detail, not a palette colour. */
  public static final double MIN_SHARE = 0.01;

  private static final int ITERATIONS = 24;

  private final ColorNames names;

  public PaletteExtractor(ColorNames names) {
    this.names = names;
  }

  public List<PaletteColor> extract(PixelSample sample) {
    Bins bins = bin(sample);
    if (bins.size() == 0) {
      return List.of();
    }
    List<Oklab.Lab> centres = seed(bins);
    for (int i = 0; i < ITERATIONS; i++) {
      List<Oklab.Lab> next = centroids(bins, centres);
      boolean moved = false;
      for (int c = 0; c < centres.size(); c++) {
        moved |= next.get(c).distance(centres.get(c)) > 1e-6;
      }
      centres = next;
      if (!moved) {
        break;
      }
    }
    centres = mergeAndDrop(bins, centres);
    return toPalette(bins, centres);
  }

  /**
   * The histogram cells in key order, as parallel arrays (each cell's pixel count and the OKLab of
   * its mean colour): the clustering passes read them tens of times, and arrays of doubles read
   * faster than a list of records holding Lab objects.
   */
  private record Bins(double[] weight, double[] l, double[] a, double[] b) {

    int size() {
      return weight.length;
    }

    /** OKLab distance of cell {@code i} from {@code lab}, as {@link Oklab.Lab#distance}. */
    double distance(int i, Oklab.Lab lab) {
      double dl = l[i] - lab.l();
      double da = a[i] - lab.a();
      double db = b[i] - lab.b();
      return Math.sqrt(dl * dl + da * da + db * db);
    }
  }

  /** Centres as arrays for the per-cell loops: k is at most {@link #MAX_COLORS}. */
  private record Centres(int size, double[] l, double[] a, double[] b, double[] squares) {

    static Centres of(List<Oklab.Lab> labs) {
      int k = labs.size();
      double[] l = new double[k];
      double[] a = new double[k];
      double[] b = new double[k];
      for (int c = 0; c < k; c++) {
        l[c] = labs.get(c).l();
        a[c] = labs.get(c).a();
        b[c] = labs.get(c).b();
      }
      return new Centres(k, l, a, b, new double[k]);
    }

    /**
     * The first centre nearest to cell {@code i} by {@code centre.distance(cell)}, as {@link
     * Oklab.Lab#distance} computes it. Found on squared distances, without a square root per
     * centre: the square root is monotone, so the nearest by square is nearest by distance too, and
     * only an earlier centre whose square lies within rounding of it could have the same distance
     * (then the first such wins, as it did when comparing distances).
     */
    int nearest(Bins bins, int i) {
      double bl = bins.l[i];
      double ba = bins.a[i];
      double bb = bins.b[i];
      int best = 0;
      double bestSquare = Double.MAX_VALUE;
      for (int c = 0; c < size; c++) {
        double dl = l[c] - bl;
        double da = a[c] - ba;
        double db = b[c] - bb;
        double square = dl * dl + da * da + db * db;
        squares[c] = square;
        if (square < bestSquare) {
          bestSquare = square;
          best = c;
        }
      }
      // Squares more than 1e-7 apart (relative) have square roots over 4e-8 apart: distinct
      // doubles. Closer ones are compared as distances, the rule the first-nearest choice used.
      double near = bestSquare * (1 + 1e-7);
      for (int c = 0; c < best; c++) {
        if (squares[c] <= near && Math.sqrt(squares[c]) == Math.sqrt(bestSquare)) {
          return c;
        }
      }
      return best;
    }

    /** The distance from cell {@code i} to its nearest centre. */
    double nearestDistance(Bins bins, int i) {
      int c = nearest(bins, i);
      double dl = l[c] - bins.l[i];
      double da = a[c] - bins.a[i];
      double db = b[c] - bins.b[i];
      return Math.sqrt(dl * dl + da * da + db * db);
    }
  }

  private static Bins bin(PixelSample sample) {
    int cells = 1 << 15;
    int[] count = new int[cells];
    long[] sumR = new long[cells];
    long[] sumG = new long[cells];
    long[] sumB = new long[cells];
    for (int color : sample.rgb()) {
      int r = (color >> 16) & 0xFF;
      int g = (color >> 8) & 0xFF;
      int b = color & 0xFF;
      int key = (r >> 3) << 10 | (g >> 3) << 5 | (b >> 3);
      count[key]++;
      sumR[key] += r;
      sumG[key] += g;
      sumB[key] += b;
    }
    int used = 0;
    for (int key = 0; key < cells; key++) {
      if (count[key] > 0) {
        used++;
      }
    }
    Bins bins = new Bins(new double[used], new double[used], new double[used], new double[used]);
    int i = 0;
    for (int key = 0; key < cells; key++) {
      int n = count[key];
      if (n > 0) {
        int mean =
            (int) Math.round((double) sumR[key] / n) << 16
                | (int) Math.round((double) sumG[key] / n) << 8
                | (int) Math.round((double) sumB[key] / n);
        Oklab.Lab lab = Oklab.fromRgb(mean);
        bins.weight[i] = n;
        bins.l[i] = lab.l();
        bins.a[i] = lab.a();
        bins.b[i] = lab.b();
        i++;
      }
    }
    return bins;
  }

  private static Oklab.Lab lab(Bins bins, int i) {
    return new Oklab.Lab(bins.l[i], bins.a[i], bins.b[i]);
  }

  private static List<Oklab.Lab> seed(Bins bins) {
    List<Oklab.Lab> seeds = new ArrayList<>();
    // The heaviest cell, the first of equals (as Stream.max keeps the first).
    int heaviest = 0;
    for (int i = 1; i < bins.size(); i++) {
      if (bins.weight[i] > bins.weight[heaviest]) {
        heaviest = i;
      }
    }
    seeds.add(lab(bins, heaviest));
    while (seeds.size() < MAX_COLORS) {
      Centres centres = Centres.of(seeds);
      int farthest = -1;
      double bestScore = 0;
      for (int i = 0; i < bins.size(); i++) {
        double d = centres.nearestDistance(bins, i);
        double score = bins.weight[i] * d * d;
        if (d > MERGE_DISTANCE && score > bestScore) {
          bestScore = score;
          farthest = i;
        }
      }
      if (farthest < 0) {
        break;
      }
      seeds.add(lab(bins, farthest));
    }
    return seeds;
  }

  private static List<Oklab.Lab> centroids(Bins bins, List<Oklab.Lab> labs) {
    Centres centres = Centres.of(labs);
    int k = labs.size();
    double[] w = new double[k];
    double[] l = new double[k];
    double[] a = new double[k];
    double[] b = new double[k];
    for (int i = 0; i < bins.size(); i++) {
      int c = centres.nearest(bins, i);
      double weight = bins.weight[i];
      w[c] += weight;
      l[c] += weight * bins.l[i];
      a[c] += weight * bins.a[i];
      b[c] += weight * bins.b[i];
    }
    List<Oklab.Lab> next = new ArrayList<>(k);
    for (int c = 0; c < k; c++) {
      next.add(w[c] == 0 ? labs.get(c) : new Oklab.Lab(l[c] / w[c], a[c] / w[c], b[c] / w[c]));
    }
    return next;
  }

  private static List<Oklab.Lab> mergeAndDrop(Bins bins, List<Oklab.Lab> centres) {
    List<Oklab.Lab> current = new ArrayList<>(centres);
    boolean changed = true;
    while (changed && current.size() > 1) {
      changed = false;
      double[] shares = shares(bins, current);
      int weakest = -1;
      for (int c = 0; c < current.size(); c++) {
        if (shares[c] < MIN_SHARE && (weakest < 0 || shares[c] < shares[weakest])) {
          weakest = c;
        }
      }
      if (weakest >= 0) {
        current.remove(weakest);
        current = centroids(bins, current);
        changed = true;
        continue;
      }
      outer:
      for (int i = 0; i < current.size(); i++) {
        for (int j = i + 1; j < current.size(); j++) {
          if (current.get(i).distance(current.get(j)) < MERGE_DISTANCE) {
            current.remove(shares[i] < shares[j] ? i : j);
            current = centroids(bins, current);
            changed = true;
            break outer;
          }
        }
      }
    }
    return current;
  }

  private static double[] shares(Bins bins, List<Oklab.Lab> labs) {
    Centres centres = Centres.of(labs);
    double[] shares = new double[labs.size()];
    double total = 0;
    for (int i = 0; i < bins.size(); i++) {
      shares[centres.nearest(bins, i)] += bins.weight[i];
      total += bins.weight[i];
    }
    for (int c = 0; c < shares.length; c++) {
      shares[c] /= total;
    }
    return shares;
  }

  /**
   * The radius around a cluster's most frequent colour whose bins make its representative: about
   * one just-noticeable difference, so the swatch is that colour with its quantisation smoothed.
   */
  static final double MODE_RADIUS = 0.025;

  /**
   * Each cluster's swatch is its most frequent colour (the heaviest bin, averaged with the bins
   * within {@link #MODE_RADIUS} of it), not its mean: a mean mixes a cluster's lit and shaded,
   * clean and compressed pixels into a muddier colour than any a viewer sees (a red wall and its
   * brown shadows averaging to "dirt brown"), while the mode is a colour the picture actually
   * shows.
   */
  private static List<Oklab.Lab> modes(Bins bins, List<Oklab.Lab> labs) {
    Centres centres = Centres.of(labs);
    int k = labs.size();
    int[] owner = new int[bins.size()];
    int[] heaviest = new int[k];
    java.util.Arrays.fill(heaviest, -1);
    for (int i = 0; i < bins.size(); i++) {
      int c = centres.nearest(bins, i);
      owner[i] = c;
      if (heaviest[c] < 0 || bins.weight[i] > bins.weight[heaviest[c]]) {
        heaviest[c] = i;
      }
    }
    Oklab.Lab[] heaviestLab = new Oklab.Lab[k];
    for (int c = 0; c < k; c++) {
      heaviestLab[c] = heaviest[c] < 0 ? null : lab(bins, heaviest[c]);
    }
    double[] w = new double[k];
    double[] l = new double[k];
    double[] a = new double[k];
    double[] b = new double[k];
    for (int i = 0; i < bins.size(); i++) {
      int c = owner[i];
      if (bins.distance(i, heaviestLab[c]) <= MODE_RADIUS) {
        double weight = bins.weight[i];
        w[c] += weight;
        l[c] += weight * bins.l[i];
        a[c] += weight * bins.a[i];
        b[c] += weight * bins.b[i];
      }
    }
    List<Oklab.Lab> modes = new ArrayList<>(k);
    for (int c = 0; c < k; c++) {
      modes.add(w[c] == 0 ? labs.get(c) : new Oklab.Lab(l[c] / w[c], a[c] / w[c], b[c] / w[c]));
    }
    return modes;
  }

  private List<PaletteColor> toPalette(Bins bins, List<Oklab.Lab> centres) {
    double[] shares = shares(bins, centres);
    List<Oklab.Lab> swatches = modes(bins, centres);
    List<PaletteColor> palette = new ArrayList<>();
    for (int c = 0; c < centres.size(); c++) {
      int rgb = Oklab.toRgb(swatches.get(c));
      String hex = String.format(Locale.ROOT, "#%06X", rgb);
      palette.add(new PaletteColor(hex, names.nameOf(rgb), Confidence.round(shares[c])));
    }
    palette.sort(
        Comparator.comparingDouble(PaletteColor::share)
            .reversed()
            .thenComparing(PaletteColor::hex));
    return List.copyOf(palette);
  }
}
