package io.promptlens.vision.neural;

import io.promptlens.core.analysis.People;
import io.promptlens.vision.models.ModelStore;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Faces with Human's models, converted from TF.js to ONNX at install time: BlazeFace (Bazarevsky et
 * al., 2019; 256 × 256 input in [-1, 1], 896 SSD anchors at strides 16 and 32, as in Human's {@code
 * blazeface.ts}), then per face a crop enlarged {@value #ENLARGE}× and made square for the GEAR age
 * head (198 × 198, RGB 0..1, Human's crop [0, .1, .9, .9]; its argmax bucket is reported as a
 * range) and the expression model (64 × 64 grey, luma weights 0.2989/0.5870/0.1140, (v − .5)·2).
 * Gender and ethnicity outputs of GEAR are deliberately not read. Thread-safe.
 */
public final class FaceAnalyzer implements AutoCloseable {

  static final int SIZE = 256;
  static final double MIN_SCORE = 0.5;
  static final double IOU = 0.3;
  static final int MAX_FACES = 20;
  static final double ENLARGE = 1.4;
  static final List<String> AGES =
      List.of("under 20", "21-25", "26-30", "31-40", "41-50", "51-60", "over 60");
  static final List<String> EXPRESSIONS =
      List.of("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral");

  private final OnnxSession detector;
  // The age and expression heads run only on a face found, so they load on the first one.
  private final Lazy<OnnxSession> age;
  private final Lazy<OnnxSession> expression;
  private final String sha256s;
  private final float[][] anchors = anchors();

  private FaceAnalyzer(
      OnnxSession detector, Lazy<OnnxSession> age, Lazy<OnnxSession> expression, String sha256s) {
    this.detector = detector;
    this.age = age;
    this.expression = expression;
    this.sha256s = sha256s;
  }

  public static FaceAnalyzer load(ModelLoader models) {
    OnnxSession d = models.open("blazeface");
    ModelStore store = models.store();
    return new FaceAnalyzer(
        d,
        models.lazy("gear", () -> models.open("gear")),
        models.lazy("emotion", () -> models.open("emotion")),
        "blazeface="
            + d.sha256()
            + ", gear="
            + store.sha256(store.converted("gear"))
            + ", emotion="
            + store.sha256(store.converted("emotion")));
  }

  /** Whether the age and expression heads have been loaded (by a face). */
  boolean headsLoaded() {
    return age.isLoaded() || expression.isLoaded();
  }

  public String sha256s() {
    return sha256s;
  }

  /** The faces in an image, largest first. */
  public List<People.Face> faces(BufferedImage image) {
    List<double[]> boxes = detect(image);
    List<People.Face> faces = new ArrayList<>();
    for (double[] b : boxes) {
      double cx = (b[0] + b[2]) / 2 * image.getWidth();
      double cy = (b[1] + b[3]) / 2 * image.getHeight();
      double side =
          ENLARGE * Math.max((b[2] - b[0]) * image.getWidth(), (b[3] - b[1]) * image.getHeight());
      BufferedImage crop =
          Pixels.crop(
              image,
              (int) Math.round(cx - side / 2),
              (int) Math.round(cy - side / 2),
              (int) Math.round(cx + side / 2),
              (int) Math.round(cy + side / 2));
      faces.add(
          new People.Face(
              List.of(round(b[0]), round(b[1]), round(b[2] - b[0]), round(b[3] - b[1])),
              round(b[4]),
              ageRange(crop),
              expression(crop)));
    }
    return faces;
  }

  /** Face boxes [x1, y1, x2, y2, score] normalised, after NMS. */
  List<double[]> detect(BufferedImage image) {
    BufferedImage small = Pixels.resize(image, SIZE, SIZE);
    int[] rgb = Pixels.rgb(small);
    float[] x = new float[SIZE * SIZE * 3];
    for (int i = 0; i < rgb.length; i++) {
      x[3 * i] = ((rgb[i] >> 16) & 0xff) / 127f - 1;
      x[3 * i + 1] = ((rgb[i] >> 8) & 0xff) / 127f - 1;
      x[3 * i + 2] = (rgb[i] & 0xff) / 127f - 1;
    }
    Map<String, OnnxSession.Output> out = detector.run(x, new long[] {1, SIZE, SIZE, 3});
    // Human sorts the four outputs by size: 384 and 512 scores, then 384 and 512 regressions;
    // rows are the 512 stride-16 anchors, then the 384 stride-32 ones.
    List<OnnxSession.Output> sorted = new ArrayList<>(out.values());
    sorted.sort(Comparator.comparingInt(o -> o.values().length));
    float[] score384 = sorted.get(0).values();
    float[] score512 = sorted.get(1).values();
    float[] reg384 = sorted.get(2).values();
    float[] reg512 = sorted.get(3).values();
    List<double[]> candidates = new ArrayList<>();
    for (int i = 0; i < anchors.length; i++) {
      boolean first = i < 512;
      int row = first ? i : i - 512;
      double s = 1 / (1 + Math.exp(-(first ? score512[row] : score384[row])));
      if (s < MIN_SCORE) {
        continue;
      }
      float[] reg = first ? reg512 : reg384;
      double cx = anchors[i][0] + reg[row * 16];
      double cy = anchors[i][1] + reg[row * 16 + 1];
      double w = reg[row * 16 + 2];
      double h = reg[row * 16 + 3];
      candidates.add(
          new double[] {
            clamp((cx - w / 2) / SIZE),
            clamp((cy - h / 2) / SIZE),
            clamp((cx + w / 2) / SIZE),
            clamp((cy + h / 2) / SIZE),
            s
          });
    }
    candidates.sort(Comparator.comparingDouble((double[] c) -> -c[4]));
    List<double[]> kept = new ArrayList<>();
    for (double[] c : candidates) {
      if (kept.size() < MAX_FACES && kept.stream().noneMatch(k -> iou(k, c) > IOU)) {
        kept.add(c);
      }
    }
    kept.sort(Comparator.comparingDouble((double[] c) -> -(c[2] - c[0]) * (c[3] - c[1])));
    return kept;
  }

  private String ageRange(BufferedImage face) {
    int w = face.getWidth();
    int h = face.getHeight();
    BufferedImage crop =
        Pixels.resize(
            Pixels.crop(
                face, (int) (0.1 * w), 0, (int) Math.ceil(0.9 * w), (int) Math.ceil(0.9 * h)),
            198,
            198);
    int[] rgb = Pixels.rgb(crop);
    float[] x = new float[198 * 198 * 3];
    for (int i = 0; i < rgb.length; i++) {
      x[3 * i] = ((rgb[i] >> 16) & 0xff) / 255f;
      x[3 * i + 1] = ((rgb[i] >> 8) & 0xff) / 255f;
      x[3 * i + 2] = (rgb[i] & 0xff) / 255f;
    }
    OnnxSession model = age.get();
    return AGES.get(
        argmax(model.output(model.run(x, new long[] {1, 198, 198, 3}), "Identity").values()));
  }

  private String expression(BufferedImage face) {
    BufferedImage small = Pixels.resize(face, 64, 64);
    int[] rgb = Pixels.rgb(small);
    float[] x = new float[64 * 64];
    for (int i = 0; i < rgb.length; i++) {
      float grey =
          0.2989f * ((rgb[i] >> 16) & 0xff) / 255f
              + 0.5870f * ((rgb[i] >> 8) & 0xff) / 255f
              + 0.1140f * (rgb[i] & 0xff) / 255f;
      x[i] = (grey - 0.5f) * 2;
    }
    return EXPRESSIONS.get(
        argmax(expression.get().runSingle(x, new long[] {1, 64, 64, 1}).values()));
  }

  /** Human's {@code generateAnchors(256)}: strides 16 (2 anchors) and 32 (6 anchors), centres. */
  static float[][] anchors() {
    List<float[]> list = new ArrayList<>();
    int[][] spec = {{16, 2}, {32, 6}};
    for (int[] s : spec) {
      int grid = (SIZE + s[0] - 1) / s[0];
      for (int y = 0; y < grid; y++) {
        for (int x = 0; x < grid; x++) {
          for (int n = 0; n < s[1]; n++) {
            list.add(new float[] {s[0] * (x + 0.5f), s[0] * (y + 0.5f)});
          }
        }
      }
    }
    return list.toArray(float[][]::new);
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  private static double iou(double[] a, double[] b) {
    double ix = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
    double iy = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
    double inter = ix * iy;
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  @Override
  public void close() {
    detector.close();
    try {
      age.close();
      expression.close();
    } catch (Exception e) {
      throw new NeuralException("cannot close the face models", e);
    }
  }
}
