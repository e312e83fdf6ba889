package io.promptlens.vision.neural;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * PaddleOCR PP-OCRv4 text detection (DB, Liao et al., "Real-time Scene Text Detection with
 * Differentiable Binarization", AAAI 2020) on ONNX Runtime. The image is scaled so its long side is
 * at most {@value #LIMIT} px, in multiples of 32, normalised with ImageNet mean/std in BGR order as
 * PaddleOCR trains ({@link #detectDocument} uses a larger size for pages); the probability map is
 * binarised at {@value #THRESHOLD}, each connected region scored by its mean probability (kept from
 * {@value #BOX_THRESHOLD}) and its rectangle along the region's main axis grown by the DB "unclip"
 * distance area × {@value #UNCLIP} / perimeter, so lines on a page photographed at an angle are cut
 * out along their slope. Thread-safe.
 */
public final class TextDetector implements AutoCloseable {

  static final int LIMIT = 960;

  /**
   * The long side of the probe that decides whether an image holds text at all. The detector's cost
   * grows with the pixels it sees: at 960 px it took about 130 ms of the 170 ms OCR spent on a
   * photo without text, at 320 px (a ninth of the pixels) about 13 ms. What the probe cannot see,
   * print under about 3 % of the long side, is the price: on the evaluation sets it was the chip
   * labels of a circuit board, a shirt sponsor, a small caption and a few one-character false
   * readings (listed in the README).
   */
  static final int PROBE_LIMIT = 320;

  /** A probe's map pixels above {@link #THRESHOLD} needed to look closer. */
  static final int PROBE_PIXELS = 1;

  static final int DOCUMENT_LIMIT = 2400;
  static final double DOCUMENT_UPSCALE = 1.5;
  static final float THRESHOLD = 0.3f;
  static final float BOX_THRESHOLD = 0.6f;
  static final double UNCLIP = 1.5;
  private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] STD = {0.229f, 0.224f, 0.225f};

  /**
   * The probe's session, with ONNX Runtime's memory arena and per-shape memory plans: without them
   * a 320 px probe took about twice as long (32 against 13–16 ms on the 1 MP garden photo, the same
   * map to the bit). What they keep is bounded: a probe's input is at most 320 × 320 px and takes
   * one of a few shapes (long side 320, short side a multiple of 32).
   */
  private final OnnxSession probe;

  /**
   * The same model for the detection at {@value #LIMIT} and {@value #DOCUMENT_LIMIT} px, whose
   * input follows the image: without the arena (see {@link OnnxSession}), and loaded on first use,
   * when a probe saw text or an image too small to probe came, so a process that only sees photos
   * without text opens one session of the detector, as before.
   */
  private final Lazy<OnnxSession> detection;

  private TextDetector(OnnxSession probe, Lazy<OnnxSession> detection) {
    this.probe = probe;
    this.detection = detection;
  }

  public static TextDetector load(ModelLoader models) {
    var path = models.store().path("ocr-det", "assets/ch_PP-OCRv4_det_infer.onnx");
    OnnxSession probe = models.open("ocr-det", path, OnnxSession.Shapes.FIXED);
    return new TextDetector(
        probe,
        models.lazy("ocr-det", () -> models.open("ocr-det", path, OnnxSession.Shapes.VARYING)));
  }

  public String sha256() {
    return probe.sha256();
  }

  /** Whether the detection session, which loads on first use, has been opened (for tests). */
  boolean detectionLoaded() {
    return detection.isLoaded();
  }

  /**
   * A detected text region in the pixels of the image given, with its mean probability: the
   * rectangle along the region's main axis (centre, angle in radians clockwise from the x axis,
   * within ±45°, length along that axis and thickness across it), and the axis-aligned bounds of
   * that rectangle clipped to the image.
   */
  public record Box(
      int x0,
      int y0,
      int x1,
      int y1,
      double score,
      double cx,
      double cy,
      double angle,
      double length,
      double thickness) {

    /** An axis-aligned region. */
    public Box(int x0, int y0, int x1, int y1, double score) {
      this(x0, y0, x1, y1, score, (x0 + x1) / 2.0, (y0 + y1) / 2.0, 0, x1 - x0, y1 - y0);
    }

    int width() {
      return x1 - x0;
    }

    int height() {
      return y1 - y0;
    }

    /** The same rectangle with x scaled by {@code sx} and y by {@code sy}, bounds clipped. */
    Box scaled(double sx, double sy, int imageWidth, int imageHeight) {
      double ux = Math.cos(angle);
      double uy = Math.sin(angle);
      // The rectangle's axes after the (nearly uniform) scaling.
      double ax = ux * length * sx;
      double ay = uy * length * sy;
      double bx = -uy * thickness * sx;
      double by = ux * thickness * sy;
      double newLength = Math.hypot(ax, ay);
      double newThickness = Math.hypot(bx, by);
      return new Box(
          (int) Math.max(0, Math.floor(x0 * sx)),
          (int) Math.max(0, Math.floor(y0 * sy)),
          (int) Math.min(imageWidth, Math.ceil(x1 * sx)),
          (int) Math.min(imageHeight, Math.ceil(y1 * sy)),
          score,
          cx * sx,
          cy * sy,
          Math.atan2(ay, ax),
          newLength,
          newThickness);
    }
  }

  /**
   * Whether the image may hold text, from one pass at {@value #PROBE_LIMIT} px: at least {@value
   * #PROBE_PIXELS} pixel of the probability map above {@value #THRESHOLD}. An image whose long side
   * is at most twice the probe's is not probed (true): the full detection costs about as much.
   */
  public boolean mayHoldText(BufferedImage image) {
    if (Math.max(image.getWidth(), image.getHeight()) <= 2 * PROBE_LIMIT) {
      return true;
    }
    return textPixels(image, PROBE_LIMIT) >= PROBE_PIXELS;
  }

  /** Map pixels above the binarisation threshold at a long side of at most {@code limit}. */
  int textPixels(BufferedImage image, int limit) {
    int n = 0;
    for (float p : map(probe, image, limit, 1.0).values()) {
      if (p > THRESHOLD) {
        n++;
      }
    }
    return n;
  }

  /** Detects at the photo size: long side at most {@value #LIMIT} px, never enlarged. */
  public List<Box> detect(BufferedImage image) {
    return detect(image, LIMIT, 1.0);
  }

  /**
   * Detects with the long side scaled to {@value #DOCUMENT_LIMIT} px (enlarged up to {@value
   * #DOCUMENT_UPSCALE}×): small print on a subsampled page is found more reliably.
   */
  public List<Box> detectDocument(BufferedImage image) {
    return detect(image, DOCUMENT_LIMIT, DOCUMENT_UPSCALE);
  }

  List<Box> detect(BufferedImage image, int limit, double maxUpscale) {
    ProbabilityMap map = map(detection.get(), image, limit, maxUpscale);
    double sx = (double) image.getWidth() / map.width();
    double sy = (double) image.getHeight() / map.height();
    List<Box> boxes = new ArrayList<>();
    for (Box b : regions(map.values(), map.width(), map.height())) {
      boxes.add(b.scaled(sx, sy, image.getWidth(), image.getHeight()));
    }
    return boxes;
  }

  /** The detector's text probability per pixel of the scaled image, row-major. */
  record ProbabilityMap(float[] values, int width, int height) {}

  /**
   * The probability map of {@code image} scaled so that its long side is at most {@code limit} px
   * (enlarged up to {@code maxUpscale}), each side rounded to a multiple of 32 as the network
   * needs.
   */
  private static ProbabilityMap map(
      OnnxSession session, BufferedImage image, int limit, double maxUpscale) {
    double scale =
        Math.min(maxUpscale, (double) limit / Math.max(image.getWidth(), image.getHeight()));
    int w = Math.max(32, (int) Math.round(image.getWidth() * scale / 32) * 32);
    int h = Math.max(32, (int) Math.round(image.getHeight() * scale / 32) * 32);
    float[] input = new float[3 * w * h];
    Pixels.planarBgr(Pixels.resize(image, w, h), input, 0, w, MEAN, STD);
    return new ProbabilityMap(session.runSingle(input, new long[] {1, 3, h, w}).values(), w, h);
  }

  /** The probe's map and the detection session's map of the same image at the probe's size. */
  ProbabilityMap[] probeAndDetectionMaps(BufferedImage image) {
    return new ProbabilityMap[] {
      map(probe, image, PROBE_LIMIT, 1.0), map(detection.get(), image, PROBE_LIMIT, 1.0)
    };
  }

  /**
   * DB post-processing on a probability map: components, scores, and each component's minimum-area
   * rectangle grown by the unclip distance on every side (map pixels).
   */
  static List<Box> regions(float[] prob, int w, int h) {
    int[] label = new int[w * h];
    int[] stack = new int[w * h];
    // Per row, the leftmost and rightmost pixel of the component being filled.
    int[] rowMin = new int[h];
    int[] rowMax = new int[h];
    java.util.Arrays.fill(rowMin, Integer.MAX_VALUE);
    java.util.Arrays.fill(rowMax, -1);
    List<Box> boxes = new ArrayList<>();
    int next = 0;
    for (int start = 0; start < prob.length; start++) {
      if (prob[start] <= THRESHOLD || label[start] != 0) {
        continue;
      }
      next++;
      int top = 0;
      stack[top++] = start;
      label[start] = next;
      double sum = 0;
      int count = 0;
      int minY = h;
      int maxY = -1;
      while (top > 0) {
        int p = stack[--top];
        int x = p % w;
        int y = p / w;
        count++;
        sum += prob[p];
        rowMin[y] = Math.min(rowMin[y], x);
        rowMax[y] = Math.max(rowMax[y], x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
              int q = ny * w + nx;
              if (label[q] == 0 && prob[q] > THRESHOLD) {
                label[q] = next;
                stack[top++] = q;
              }
            }
          }
        }
      }
      double score = sum / count;
      // An 8-connected component touches every row from minY to maxY.
      Box box = score < BOX_THRESHOLD ? null : orientedBox(rowMin, rowMax, minY, maxY, w, h, score);
      java.util.Arrays.fill(rowMin, minY, maxY + 1, Integer.MAX_VALUE);
      java.util.Arrays.fill(rowMax, minY, maxY + 1, -1);
      if (box != null) {
        boxes.add(box);
      }
    }
    return boxes;
  }

  /**
   * The minimum-area rectangle around a component (as OpenCV's {@code minAreaRect}, which PaddleOCR
   * uses): the convex hull of the pixels' outer corners, then, for each hull edge, the bounding
   * rectangle aligned with it (Freeman and Shapira, 1975: the smallest one has a side on the hull).
   */
  private static @Nullable Box orientedBox(
      int[] rowMin, int[] rowMax, int minY, int maxY, int w, int h, double score) {
    // Per row, the outer corners of the leftmost and rightmost pixel hold the hull.
    List<double[]> corners = new ArrayList<>();
    for (int y = minY; y <= maxY; y++) {
      corners.add(new double[] {rowMin[y], y});
      corners.add(new double[] {rowMin[y], y + 1});
      corners.add(new double[] {rowMax[y] + 1, y});
      corners.add(new double[] {rowMax[y] + 1, y + 1});
    }
    List<double[]> hull = convexHull(corners);
    double bestArea = Double.MAX_VALUE;
    double angle = 0;
    double length = 0;
    double thickness = 0;
    double cx = 0;
    double cy = 0;
    for (int i = 0; i < hull.size(); i++) {
      double[] p = hull.get(i);
      double[] q = hull.get((i + 1) % hull.size());
      double ex = q[0] - p[0];
      double ey = q[1] - p[1];
      double norm = Math.hypot(ex, ey);
      if (norm == 0) {
        continue;
      }
      double ux = ex / norm;
      double uy = ey / norm;
      double minA = Double.MAX_VALUE;
      double maxA = -Double.MAX_VALUE;
      double minB = Double.MAX_VALUE;
      double maxB = -Double.MAX_VALUE;
      for (double[] c : hull) {
        double a = c[0] * ux + c[1] * uy;
        double b = -c[0] * uy + c[1] * ux;
        minA = Math.min(minA, a);
        maxA = Math.max(maxA, a);
        minB = Math.min(minB, b);
        maxB = Math.max(maxB, b);
      }
      double area = (maxA - minA) * (maxB - minB);
      if (area < bestArea - 1e-9) {
        bestArea = area;
        double midA = (minA + maxA) / 2;
        double midB = (minB + maxB) / 2;
        cx = midA * ux - midB * uy;
        cy = midA * uy + midB * ux;
        angle = Math.atan2(uy, ux);
        length = maxA - minA;
        thickness = maxB - minB;
      }
    }
    // Express the rectangle along the axis nearer the horizontal (within ±45°).
    while (angle > Math.PI / 4) {
      angle -= Math.PI / 2;
      double t = length;
      length = thickness;
      thickness = t;
    }
    while (angle <= -Math.PI / 4) {
      angle += Math.PI / 2;
      double t = length;
      length = thickness;
      thickness = t;
    }
    if (Math.min(length, thickness) < 3) {
      return null;
    }
    double d = length * thickness * UNCLIP / (2 * (length + thickness));
    length += 2 * d;
    thickness += 2 * d;
    double ux = Math.cos(angle);
    double uy = Math.sin(angle);
    double hx = Math.abs(ux) * length / 2 + Math.abs(uy) * thickness / 2;
    double hy = Math.abs(uy) * length / 2 + Math.abs(ux) * thickness / 2;
    int x0 = (int) Math.max(0, Math.floor(cx - hx));
    int y0 = (int) Math.max(0, Math.floor(cy - hy));
    int x1 = (int) Math.min(w, Math.ceil(cx + hx));
    int y1 = (int) Math.min(h, Math.ceil(cy + hy));
    if (Math.min(x1 - x0, y1 - y0) < 5) {
      return null;
    }
    return new Box(x0, y0, x1, y1, score, cx, cy, angle, length, thickness);
  }

  /** Andrew's monotone chain; the hull counter-clockwise without repeated points. */
  static List<double[]> convexHull(List<double[]> points) {
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort((p, q) -> p[0] != q[0] ? Double.compare(p[0], q[0]) : Double.compare(p[1], q[1]));
    int n = sorted.size();
    double[][] hull = new double[2 * n][];
    int k = 0;
    for (int i = 0; i < n; i++) {
      while (k >= 2 && cross(hull[k - 2], hull[k - 1], sorted.get(i)) <= 0) {
        k--;
      }
      hull[k++] = sorted.get(i);
    }
    for (int i = n - 2, lower = k + 1; i >= 0; i--) {
      while (k >= lower && cross(hull[k - 2], hull[k - 1], sorted.get(i)) <= 0) {
        k--;
      }
      hull[k++] = sorted.get(i);
    }
    return new ArrayList<>(java.util.Arrays.asList(hull).subList(0, Math.max(1, k - 1)));
  }

  private static double cross(double[] o, double[] a, double[] b) {
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  }

  @Override
  public void close() {
    NeuralStage.closeQuietly(probe, detection);
  }
}
