package io.promptlens.vision.neural;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * PaddleOCR's text-line direction classifier (MobileNetV3, 0° or 180°) on ONNX Runtime: lines are
 * scaled to 48 px high within 192 px, normalised to [-1, 1] in BGR order; a line is turned when
 * "180" wins with at least {@value #THRESHOLD}, as in PaddleOCR. Thread-safe.
 */
public final class AngleClassifier implements AutoCloseable {

  static final int HEIGHT = 48;
  static final int WIDTH = 192;
  static final double THRESHOLD = 0.9;
  private static final float[] HALF = {0.5f, 0.5f, 0.5f};

  private final OnnxSession session;

  private AngleClassifier(OnnxSession session) {
    this.session = session;
  }

  /** The model file in the {@code ocr-cls} package. */
  static final String MODEL = "assets/ch_ppocr_mobile_v2.0_cls_infer.onnx";

  public static AngleClassifier load(ModelLoader models) {
    return new AngleClassifier(
        models.open("ocr-cls", models.store().path("ocr-cls", MODEL), OnnxSession.Shapes.VARYING));
  }

  public String sha256() {
    return session.sha256();
  }

  /** For each line, whether it is upside down. */
  public List<Boolean> upsideDown(List<BufferedImage> lines) {
    List<Boolean> result = new ArrayList<>();
    if (lines.isEmpty()) {
      return result;
    }
    int n = lines.size();
    float[] input = new float[n * 3 * HEIGHT * WIDTH];
    for (int k = 0; k < n; k++) {
      BufferedImage line = lines.get(k);
      int w =
          (int)
              Math.min(
                  WIDTH,
                  Math.max(1, Math.ceil(HEIGHT * (double) line.getWidth() / line.getHeight())));
      Pixels.planarBgr(
          Pixels.resize(line, w, HEIGHT), input, k * 3 * HEIGHT * WIDTH, WIDTH, HALF, HALF);
    }
    float[] out = session.runSingle(input, new long[] {n, 3, HEIGHT, WIDTH}).values();
    for (int k = 0; k < n; k++) {
      result.add(out[2 * k + 1] > out[2 * k] && out[2 * k + 1] >= THRESHOLD);
    }
    return result;
  }

  @Override
  public void close() {
    session.close();
  }
}
