package io.promptlens.vision.neural;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nsfwjs classifier (MobileNetV2Mid, 224 × 224, RGB 0..1, as nsfwjs feeds it) converted from
 * its bundled TF.js graph to ONNX: probabilities of drawing, hentai, neutral, porn and sexy. Its
 * drawing-plus-hentai mass is the drawing-versus-photo signal. Thread-safe.
 */
public final class SafetyClassifier implements AutoCloseable {

  static final int SIZE = 224;

  /** nsfwjs's class order ({@code NSFW_CLASSES}), lower-cased. */
  public static final List<String> CLASSES =
      List.of("drawing", "hentai", "neutral", "porn", "sexy");

  /** Verdict thresholds on porn + hentai (explicit) and sexy (suggestive). */
  static final double EXPLICIT = 0.6;

  static final double SUGGESTIVE = 0.6;

  private final OnnxSession session;

  private SafetyClassifier(OnnxSession session) {
    this.session = session;
  }

  public static SafetyClassifier load(ModelLoader models) {
    return new SafetyClassifier(models.open("nsfw"));
  }

  static SafetyClassifier open(Path onnx, String sha256) {
    return new SafetyClassifier(OnnxSession.open("nsfw", onnx, sha256));
  }

  /**
   * The graph output holding the network's pooled 1,792 features (MobileNetV2 at width 1.4, the TF
   * Hub feature vector nsfwjs put its classification head on), kept by the converter as listed in
   * {@code models.json}: general image features that {@link MediumProbe} reads.
   */
  static final String FEATURES =
      "StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall"
          + "/StatefulPartitionedCall/predict/MobilenetV2/Logits/AvgPool";

  /** The five probabilities for a prepared 1 × 224 × 224 × 3 input. */
  float[] probabilities(float[] input) {
    return session.output(session.run(input, new long[] {1, SIZE, SIZE, 3}), "Identity").values();
  }

  public String sha256() {
    return session.sha256();
  }

  public SafetyAssessment assess(BufferedImage image) {
    java.util.Map<String, OnnxSession.Output> out =
        session.run(input(image), new long[] {1, SIZE, SIZE, 3});
    float[] p = session.output(out, "Identity").values();
    OnnxSession.Output pooled = out.get(FEATURES);
    Map<String, Double> classes = new LinkedHashMap<>();
    for (int i = 0; i < CLASSES.size(); i++) {
      classes.put(CLASSES.get(i), Math.round(p[i] * 10000) / 10000.0);
    }
    double explicit = p[1] + p[3];
    String verdict = explicit >= EXPLICIT ? "explicit" : p[4] >= SUGGESTIVE ? "suggestive" : "safe";
    return new SafetyAssessment(
        verdict,
        Math.round((p[1] + p[3] + p[4]) * 10000) / 10000.0,
        p[0] + p[1],
        classes,
        pooled == null ? null : pooled.values());
  }

  /** The network's input for an image: 224 × 224, RGB scaled to 0..1, as nsfwjs feeds it. */
  private static float[] input(BufferedImage image) {
    BufferedImage small = Pixels.resize(image, SIZE, SIZE);
    int[] rgb = Pixels.rgb(small);
    float[] x = new float[SIZE * SIZE * 3];
    for (int i = 0; i < rgb.length; i++) {
      x[3 * i] = ((rgb[i] >> 16) & 0xff) / 255f;
      x[3 * i + 1] = ((rgb[i] >> 8) & 0xff) / 255f;
      x[3 * i + 2] = (rgb[i] & 0xff) / 255f;
    }
    return x;
  }

  @Override
  public void close() {
    session.close();
  }
}
