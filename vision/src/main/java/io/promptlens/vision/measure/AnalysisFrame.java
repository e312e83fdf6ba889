package io.promptlens.vision.measure;

import java.awt.image.BufferedImage;

/**
 * Everything the measured analyzers read, derived once per image from the analysis raster: a colour
 * sample, a luma plane, a fine grid (≤ {@link #FINE} cells on the long side) and a coarse grid (≤
 * {@link #COARSE}). Immutable by convention: analyzers must not write into its arrays.
 */
public record AnalysisFrame(
    PixelSample sample, LumaPlane luma, Grid fine, Grid coarse, int width, int height) {

  /** Long side of the fine grid: enough for a horizon angle to a quarter of a degree. */
  public static final int FINE = 256;

  /** The coarse grid is the fine one shrunk by 4 (≤ 64 cells): the scale of regions. */
  public static final int COARSE_FACTOR = 4;

  /** Long side of the coarse grid. */
  public static final int COARSE = FINE / COARSE_FACTOR;

  public static AnalysisFrame of(BufferedImage raster) {
    Grid fine = Grid.of(raster, FINE);
    return new AnalysisFrame(
        PixelSample.of(raster),
        LumaPlane.of(raster),
        fine,
        fine.shrink(COARSE_FACTOR),
        raster.getWidth(),
        raster.getHeight());
  }
}
