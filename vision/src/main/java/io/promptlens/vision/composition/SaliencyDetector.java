package io.promptlens.vision.composition;

import io.promptlens.vision.measure.Grid;
import io.promptlens.vision.measure.Regions;

/**
 * Frequency-tuned saliency of R. Achanta, S. Hemami, F. Estrada and S. Süsstrunk, "Frequency-tuned
 * salient region detection" (CVPR 2009): the saliency of a pixel is the distance between the
 * image's mean colour and the pixel's colour after a small Gaussian blur, here in OKLab on the
 * coarse grid (whose cell averaging is the low-pass). The paper's adaptive threshold, twice the
 * mean saliency, segments the salient cells; the 4-connected component with the largest saliency
 * mass is the subject. Nothing is salient when the strongest cell differs from the mean by under
 * {@link #MIN_SALIENCY}. Thread-safe.
 */
public final class SaliencyDetector {

  /** Two just-noticeable differences in OKLab (JND ≈ 0.02): anything less does not stand out. */
  public static final double MIN_SALIENCY = 0.04;

  /** Achanta et al.'s adaptive threshold: twice the mean saliency. */
  public static final double THRESHOLD_FACTOR = 2;

  public SubjectRegion detect(Grid grid) {
    int w = grid.width();
    int h = grid.height();
    int n = w * h;
    if (n < 4) {
      return SubjectRegion.NONE;
    }
    float[] l = blur(grid.l(), w, h);
    float[] a = blur(grid.a(), w, h);
    float[] b = blur(grid.b(), w, h);
    double ml = 0;
    double ma = 0;
    double mb = 0;
    for (int k = 0; k < n; k++) {
      ml += l[k];
      ma += a[k];
      mb += b[k];
    }
    ml /= n;
    ma /= n;
    mb /= n;
    float[] s = new float[n];
    double mean = 0;
    double max = 0;
    for (int k = 0; k < n; k++) {
      double dl = l[k] - ml;
      double da = a[k] - ma;
      double db = b[k] - mb;
      s[k] = (float) Math.sqrt(dl * dl + da * da + db * db);
      mean += s[k];
      max = Math.max(max, s[k]);
    }
    mean /= n;
    if (max < MIN_SALIENCY) {
      return new SubjectRegion(new boolean[n], w, h, 0, 0, 0, 0, 0, 0, 0, 0, s, mean);
    }
    double threshold = Math.max(THRESHOLD_FACTOR * mean, MIN_SALIENCY);
    boolean[] salient = new boolean[n];
    for (int k = 0; k < n; k++) {
      salient[k] = s[k] >= threshold;
    }
    int[] labels = new int[n];
    int count = Regions.label(salient, w, h, labels);
    if (count == 0) {
      return new SubjectRegion(new boolean[n], w, h, 0, 0, 0, 0, 0, 0, 0, 0, s, mean);
    }
    double[] mass = new double[count];
    for (int k = 0; k < n; k++) {
      if (labels[k] >= 0) {
        mass[labels[k]] += s[k];
      }
    }
    int best = 0;
    for (int c = 1; c < count; c++) {
      if (mass[c] > mass[best]) {
        best = c;
      }
    }
    boolean[] mask = new boolean[n];
    int minX = w;
    int minY = h;
    int maxX = -1;
    int maxY = -1;
    double sx = 0;
    double sy = 0;
    int cells = 0;
    for (int k = 0; k < n; k++) {
      if (labels[k] == best) {
        mask[k] = true;
        int x = k % w;
        int y = k / w;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        sx += s[k] * (x + 0.5);
        sy += s[k] * (y + 0.5);
        cells++;
      }
    }
    return new SubjectRegion(
        mask,
        w,
        h,
        minX / (double) w,
        minY / (double) h,
        (maxX + 1) / (double) w,
        (maxY + 1) / (double) h,
        sx / mass[best] / w,
        sy / mass[best] / h,
        cells / (double) n,
        mass[best] / cells / threshold,
        s,
        mean);
  }

  /** 3 × 3 binomial blur ([1 2 1] ⊗ [1 2 1] / 16) with edge replication. */
  static float[] blur(float[] v, int w, int h) {
    float[] out = new float[v.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double sum = 0;
        for (int dy = -1; dy <= 1; dy++) {
          int yy = Math.min(h - 1, Math.max(0, y + dy));
          for (int dx = -1; dx <= 1; dx++) {
            int xx = Math.min(w - 1, Math.max(0, x + dx));
            sum += (2 - Math.abs(dx)) * (2 - Math.abs(dy)) * v[yy * w + xx];
          }
        }
        out[y * w + x] = (float) (sum / 16);
      }
    }
    return out;
  }
}
