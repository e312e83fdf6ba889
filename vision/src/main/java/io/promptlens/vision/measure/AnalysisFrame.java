package io.promptlens.vision.measure;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.jspecify.annotations.Nullable;

/**
 * Everything the measured analyzers read, derived once per image from the analysis raster: a colour
 * sample, a luma plane, a fine grid (≤ {@link #FINE} cells on the long side) and a coarse grid (≤
 * {@link #COARSE}). Immutable by convention: analyzers must not write into its arrays.
 */
public record AnalysisFrame(
    PixelSample sample,
    LumaPlane luma,
    Grid fine,
    Grid coarse,
    int width,
    int height,
    float @Nullable [] opacity) {

  /** Long side of the fine grid: enough for a horizon angle to a quarter of a degree. */
  public static final int FINE = 256;

  /** The coarse grid is the fine one shrunk by 4 (≤ 64 cells): the scale of regions. */
  public static final int COARSE_FACTOR = 4;

  /** Long side of the coarse grid. */
  public static final int COARSE = FINE / COARSE_FACTOR;

  /** A frame of an image with no transparency. */
  public AnalysisFrame(
      PixelSample sample, LumaPlane luma, Grid fine, Grid coarse, int width, int height) {
    this(sample, luma, fine, coarse, width, height, null);
  }

  public static AnalysisFrame of(BufferedImage raster) {
    return of(raster, null);
  }

  /**
   * The frame of a raster, with the mean opacity (0..1) of each coarse cell when {@code opacity} (a
   * raster of the same size holding alpha 0..255, {@code SrgbConverter.opacity}) is given.
   */
  public static AnalysisFrame of(BufferedImage raster, @Nullable BufferedImage opacity) {
    Grid fine = Grid.of(raster, FINE);
    Grid coarse = fine.shrink(COARSE_FACTOR);
    return new AnalysisFrame(
        PixelSample.of(raster),
        LumaPlane.of(raster),
        fine,
        coarse,
        raster.getWidth(),
        raster.getHeight(),
        opacity == null ? null : coarseOpacity(opacity, coarse));
  }

  /**
   * Mean opacity per coarse cell: a coarse cell covers COARSE_FACTOR × COARSE_FACTOR fine cells.
   */
  private static float[] coarseOpacity(BufferedImage opacity, Grid coarse) {
    int w = opacity.getWidth();
    int h = opacity.getHeight();
    int[] alpha = ((DataBufferInt) opacity.getRaster().getDataBuffer()).getData();
    int block = Math.max(1, (int) Math.ceil(Math.max(w, h) / (double) FINE)) * COARSE_FACTOR;
    double[] sum = new double[coarse.size()];
    int[] count = new int[coarse.size()];
    for (int y = 0; y < h; y++) {
      int row = (y / block) * coarse.width();
      for (int x = 0; x < w; x++) {
        int k = row + x / block;
        sum[k] += alpha[y * w + x] & 0xFF;
        count[k]++;
      }
    }
    float[] mean = new float[sum.length];
    for (int k = 0; k < mean.length; k++) {
      mean[k] = count[k] == 0 ? 1 : (float) (sum[k] / count[k] / 255);
    }
    return mean;
  }
}
