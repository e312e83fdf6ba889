package io.promptlens.vision.measure;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A coarse, area-averaged version of the image: each cell is the mean colour of a block of pixels,
 * averaged in linear light (as a camera or the eye integrates light) and then converted to OKLab.
 * Saliency, scene regions, horizon and light cues run on grids because they describe regions, not
 * pixels, and a 256- or 64-cell grid makes them cost microseconds to a few milliseconds.
 *
 * <p>{@code texture} is, per cell, the mean absolute luma difference (Rec. 601 Y' on 0..1, close to
 * perceptual lightness) between horizontally and vertically adjacent source pixels inside the cell:
 * 0 for a flat cell, about 0.004 for one code value of noise, several hundredths for texture.
 * Arrays are owned by the grid.
 *
 * @param width cells across
 * @param height cells down
 * @param r mean linear red per cell
 * @param g mean linear green per cell
 * @param bl mean linear blue per cell
 * @param l OKLab L of the mean colour
 * @param a OKLab a of the mean colour
 * @param b OKLab b of the mean colour
 * @param luminance relative luminance Y of the mean colour
 * @param texture mean absolute luma difference between neighbouring source pixels
 */
public record Grid(
    int width,
    int height,
    float[] r,
    float[] g,
    float[] bl,
    float[] l,
    float[] a,
    float[] b,
    float[] luminance,
    float[] texture) {

  public int size() {
    return width * height;
  }

  /**
   * Averages a TYPE_INT_RGB raster into a grid whose long side has at most {@code longSide} cells
   * (cells are square blocks of {@code ceil(long side / longSide)} pixels; edge cells may be
   * smaller).
   */
  public static Grid of(BufferedImage image, int longSide) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    int cell = Math.max(1, (int) Math.ceil(Math.max(w, h) / (double) longSide));
    int gw = (w + cell - 1) / cell;
    int gh = (h + cell - 1) / cell;
    int n = gw * gh;
    double[] sr = new double[n];
    double[] sg = new double[n];
    double[] sb = new double[n];
    double[] st = new double[n];
    int[] count = new int[n];
    int[] tcount = new int[n];
    float[] prevRow = new float[w];
    float[] row = new float[w];
    for (int y = 0; y < h; y++) {
      int base = (y / cell) * gw;
      boolean aboveInCell = y > 0 && (y - 1) / cell == y / cell;
      int offset = y * w;
      // A row crosses each cell in one run of columns: the run's sums are carried in registers
      // and added in the same order as into the arrays, so they are the same to the bit, without
      // a load and store per pixel.
      for (int start = 0; start < w; start += cell) {
        int end = Math.min(w, start + cell);
        int k = base + start / cell;
        double r = sr[k];
        double g = sg[k];
        double b = sb[k];
        double t = st[k];
        for (int x = start; x < end; x++) {
          int c = data[offset + x];
          r += Oklab.linear(c >> 16);
          g += Oklab.linear(c >> 8);
          b += Oklab.linear(c);
          // Gamma-encoded luma on 0..1: perceptually close to lightness and free to compute.
          float lightness =
              (299 * ((c >> 16) & 0xFF) + 587 * ((c >> 8) & 0xFF) + 114 * (c & 0xFF)) / 255000f;
          row[x] = lightness;
          double diff = 0;
          if (x > start) {
            diff += Math.abs(lightness - row[x - 1]);
          }
          if (aboveInCell) {
            diff += Math.abs(lightness - prevRow[x]);
          }
          t += diff;
        }
        sr[k] = r;
        sg[k] = g;
        sb[k] = b;
        st[k] = t;
        int run = end - start;
        count[k] += run;
        tcount[k] += run - 1 + (aboveInCell ? run : 0);
      }
      float[] swap = prevRow;
      prevRow = row;
      row = swap;
    }
    Grid grid = empty(gw, gh);
    for (int k = 0; k < n; k++) {
      grid.set(k, sr[k] / count[k], sg[k] / count[k], sb[k] / count[k]);
      grid.texture[k] = tcount[k] == 0 ? 0 : (float) (st[k] / tcount[k]);
    }
    return grid;
  }

  /** A grid {@code factor} times coarser, averaging linear colour and texture over blocks. */
  public Grid shrink(int factor) {
    int gw = (width + factor - 1) / factor;
    int gh = (height + factor - 1) / factor;
    int n = gw * gh;
    double[] sr = new double[n];
    double[] sg = new double[n];
    double[] sb = new double[n];
    double[] st = new double[n];
    int[] count = new int[n];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int k = (y / factor) * gw + x / factor;
        int i = y * width + x;
        sr[k] += r[i];
        sg[k] += g[i];
        sb[k] += bl[i];
        st[k] += texture[i];
        count[k]++;
      }
    }
    Grid grid = empty(gw, gh);
    for (int k = 0; k < n; k++) {
      grid.set(k, sr[k] / count[k], sg[k] / count[k], sb[k] / count[k]);
      grid.texture[k] = (float) (st[k] / count[k]);
    }
    return grid;
  }

  private static Grid empty(int w, int h) {
    int n = w * h;
    return new Grid(
        w,
        h,
        new float[n],
        new float[n],
        new float[n],
        new float[n],
        new float[n],
        new float[n],
        new float[n],
        new float[n]);
  }

  private void set(int k, double lr, double lg, double lb) {
    r[k] = (float) lr;
    g[k] = (float) lg;
    bl[k] = (float) lb;
    Oklab.Lab lab = Oklab.fromLinear(lr, lg, lb);
    l[k] = (float) lab.l();
    a[k] = (float) lab.a();
    b[k] = (float) lab.b();
    luminance[k] = (float) (0.2126 * lr + 0.7152 * lg + 0.0722 * lb);
  }

  /** OKLab chroma of cell {@code k}. */
  public double chroma(int k) {
    return Math.hypot(a[k], b[k]);
  }

  /** OKLab hue of cell {@code k} in degrees, 0..360. */
  public double hue(int k) {
    return Hues.degrees(a[k], b[k]);
  }
}
