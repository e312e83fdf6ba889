package io.promptlens.vision.composition;

/**
 * The main salient region on the coarse grid: its cells, box, saliency-weighted centroid and how
 * much it stands out. {@link #NONE} when nothing stands out. The mask is owned by the region.
 *
 * @param mask per coarse-grid cell, whether it belongs to the region
 * @param gridWidth grid width in cells
 * @param gridHeight grid height in cells
 * @param x0 left of the box, 0..1
 * @param y0 top of the box, 0..1
 * @param x1 right of the box, 0..1
 * @param y1 bottom of the box, 0..1
 * @param cx saliency-weighted centroid x, 0..1
 * @param cy saliency-weighted centroid y, 0..1
 * @param area share of the frame the region covers, 0..1
 * @param strength mean saliency inside the region over the adaptive threshold (≥ 1 when found)
 * @param saliency per-cell saliency map (OKLab distance from the image mean)
 * @param meanSaliency mean of the saliency map
 */
public record SubjectRegion(
    boolean[] mask,
    int gridWidth,
    int gridHeight,
    double x0,
    double y0,
    double x1,
    double y1,
    double cx,
    double cy,
    double area,
    double strength,
    float[] saliency,
    double meanSaliency) {

  public static final SubjectRegion NONE =
      new SubjectRegion(new boolean[0], 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new float[0], 0);

  public boolean found() {
    return area > 0;
  }
}
