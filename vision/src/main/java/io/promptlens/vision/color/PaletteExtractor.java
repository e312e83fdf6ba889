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
    List<Bin> bins = bin(sample);
    if (bins.isEmpty()) {
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

  /** A histogram cell: its pixel count and the OKLab of its mean colour. */
  private record Bin(double weight, Oklab.Lab lab) {}

  private static List<Bin> bin(PixelSample sample) {
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
    List<Bin> bins = new ArrayList<>();
    for (int key = 0; key < cells; key++) {
      int n = count[key];
      if (n > 0) {
        int mean =
            (int) Math.round((double) sumR[key] / n) << 16
                | (int) Math.round((double) sumG[key] / n) << 8
                | (int) Math.round((double) sumB[key] / n);
        bins.add(new Bin(n, Oklab.fromRgb(mean)));
      }
    }
    return bins;
  }

  private static List<Oklab.Lab> seed(List<Bin> bins) {
    List<Oklab.Lab> seeds = new ArrayList<>();
    seeds.add(bins.stream().max(Comparator.comparingDouble(Bin::weight)).orElseThrow().lab());
    while (seeds.size() < MAX_COLORS) {
      Bin farthest = null;
      double bestScore = 0;
      for (Bin bin : bins) {
        double d = nearestDistance(bin.lab(), seeds);
        double score = bin.weight() * d * d;
        if (d > MERGE_DISTANCE && score > bestScore) {
          bestScore = score;
          farthest = bin;
        }
      }
      if (farthest == null) {
        break;
      }
      seeds.add(farthest.lab());
    }
    return seeds;
  }

  private static List<Oklab.Lab> centroids(List<Bin> bins, List<Oklab.Lab> centres) {
    int k = centres.size();
    double[] w = new double[k];
    double[] l = new double[k];
    double[] a = new double[k];
    double[] b = new double[k];
    for (Bin bin : bins) {
      int c = nearest(bin.lab(), centres);
      w[c] += bin.weight();
      l[c] += bin.weight() * bin.lab().l();
      a[c] += bin.weight() * bin.lab().a();
      b[c] += bin.weight() * bin.lab().b();
    }
    List<Oklab.Lab> next = new ArrayList<>(k);
    for (int c = 0; c < k; c++) {
      next.add(w[c] == 0 ? centres.get(c) : new Oklab.Lab(l[c] / w[c], a[c] / w[c], b[c] / w[c]));
    }
    return next;
  }

  private static List<Oklab.Lab> mergeAndDrop(List<Bin> bins, List<Oklab.Lab> centres) {
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

  private static double[] shares(List<Bin> bins, List<Oklab.Lab> centres) {
    double[] shares = new double[centres.size()];
    double total = 0;
    for (Bin bin : bins) {
      shares[nearest(bin.lab(), centres)] += bin.weight();
      total += bin.weight();
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
  static List<Oklab.Lab> modes(List<Bin> bins, List<Oklab.Lab> centres) {
    int k = centres.size();
    int[] owner = new int[bins.size()];
    Bin[] heaviest = new Bin[k];
    for (int i = 0; i < bins.size(); i++) {
      Bin bin = bins.get(i);
      int c = nearest(bin.lab(), centres);
      owner[i] = c;
      if (heaviest[c] == null || bin.weight() > heaviest[c].weight()) {
        heaviest[c] = bin;
      }
    }
    double[] w = new double[k];
    double[] l = new double[k];
    double[] a = new double[k];
    double[] b = new double[k];
    for (int i = 0; i < bins.size(); i++) {
      Bin bin = bins.get(i);
      int c = owner[i];
      if (bin.lab().distance(heaviest[c].lab()) <= MODE_RADIUS) {
        w[c] += bin.weight();
        l[c] += bin.weight() * bin.lab().l();
        a[c] += bin.weight() * bin.lab().a();
        b[c] += bin.weight() * bin.lab().b();
      }
    }
    List<Oklab.Lab> modes = new ArrayList<>(k);
    for (int c = 0; c < k; c++) {
      modes.add(w[c] == 0 ? centres.get(c) : new Oklab.Lab(l[c] / w[c], a[c] / w[c], b[c] / w[c]));
    }
    return modes;
  }

  private List<PaletteColor> toPalette(List<Bin> bins, List<Oklab.Lab> centres) {
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

  private static int nearest(Oklab.Lab lab, List<Oklab.Lab> centres) {
    int best = 0;
    double bestDistance = Double.MAX_VALUE;
    for (int c = 0; c < centres.size(); c++) {
      double d = centres.get(c).distance(lab);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }

  private static double nearestDistance(Oklab.Lab lab, List<Oklab.Lab> centres) {
    return centres.get(nearest(lab, centres)).distance(lab);
  }
}
