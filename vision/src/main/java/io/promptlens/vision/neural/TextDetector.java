package io.promptlens.vision.neural;

import io.promptlens.vision.models.ModelStore;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * PaddleOCR PP-OCRv4 text detection (DB, Liao et al., "Real-time Scene Text Detection with
 * Differentiable Binarization", AAAI 2020) on ONNX Runtime. The image is scaled so its long side is
 * at most {@value #LIMIT} px, in multiples of 32, normalised with ImageNet mean/std in BGR order as
 * PaddleOCR trains ({@link #detectDocument} uses a larger size for pages); the probability map is
 * binarised at {@value #THRESHOLD}, each connected region scored by its mean probability (kept from
 * {@value #BOX_THRESHOLD}) and its box grown by the DB "unclip" distance area × {@value #UNCLIP} /
 * perimeter. Boxes are axis-aligned. Thread-safe.
 */
public final class TextDetector implements AutoCloseable {

  static final int LIMIT = 960;
  static final int DOCUMENT_LIMIT = 2400;
  static final double DOCUMENT_UPSCALE = 1.5;
  static final float THRESHOLD = 0.3f;
  static final float BOX_THRESHOLD = 0.6f;
  static final double UNCLIP = 1.5;
  private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] STD = {0.229f, 0.224f, 0.225f};

  private final OnnxSession session;

  private TextDetector(OnnxSession session) {
    this.session = session;
  }

  public static TextDetector load(ModelStore store) {
    var path = store.path("ocr-det", "assets/ch_PP-OCRv4_det_infer.onnx");
    return new TextDetector(OnnxSession.open("ocr-det", path, store.sha256(path)));
  }

  public String sha256() {
    return session.sha256();
  }

  /** A detected text region in the pixels of the image given, with its mean probability. */
  public record Box(int x0, int y0, int x1, int y1, double score) {
    int width() {
      return x1 - x0;
    }

    int height() {
      return y1 - y0;
    }
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
    double scale =
        Math.min(maxUpscale, (double) limit / Math.max(image.getWidth(), image.getHeight()));
    int w = Math.max(32, (int) Math.round(image.getWidth() * scale / 32) * 32);
    int h = Math.max(32, (int) Math.round(image.getHeight() * scale / 32) * 32);
    float[] input = new float[3 * w * h];
    Pixels.planarBgr(Pixels.resize(image, w, h), input, 0, w, MEAN, STD);
    OnnxSession.Output map = session.runSingle(input, new long[] {1, 3, h, w});
    double sx = (double) image.getWidth() / w;
    double sy = (double) image.getHeight() / h;
    List<Box> boxes = new ArrayList<>();
    for (Box b : regions(map.values(), w, h)) {
      boxes.add(
          new Box(
              (int) Math.floor(b.x0() * sx),
              (int) Math.floor(b.y0() * sy),
              (int) Math.ceil(b.x1() * sx),
              (int) Math.ceil(b.y1() * sy),
              b.score()));
    }
    return boxes;
  }

  /** DB post-processing on a probability map: components, scores, unclipped boxes (map pixels). */
  static List<Box> regions(float[] prob, int w, int h) {
    int[] label = new int[w * h];
    int[] stack = new int[w * h];
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
      int minX = w;
      int minY = h;
      int maxX = -1;
      int maxY = -1;
      double sum = 0;
      int count = 0;
      while (top > 0) {
        int p = stack[--top];
        int x = p % w;
        int y = p / w;
        sum += prob[p];
        count++;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
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
      double bw = maxX - minX + 1;
      double bh = maxY - minY + 1;
      double score = sum / count;
      if (Math.min(bw, bh) < 3 || score < BOX_THRESHOLD) {
        continue;
      }
      double d = bw * bh * UNCLIP / (2 * (bw + bh));
      int x0 = (int) Math.max(0, Math.floor(minX - d));
      int y0 = (int) Math.max(0, Math.floor(minY - d));
      int x1 = (int) Math.min(w, Math.ceil(maxX + 1 + d));
      int y1 = (int) Math.min(h, Math.ceil(maxY + 1 + d));
      if (Math.min(x1 - x0, y1 - y0) >= 5) {
        boxes.add(new Box(x0, y0, x1, y1, score));
      }
    }
    return boxes;
  }

  @Override
  public void close() {
    session.close();
  }
}
