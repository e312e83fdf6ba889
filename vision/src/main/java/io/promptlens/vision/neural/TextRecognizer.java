package io.promptlens.vision.neural;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * PaddleOCR PP-OCRv4 line recognition (SVTR-LCNet, CTC) on ONNX Runtime. Each line is scaled to 48
 * px high, normalised to [-1, 1] in BGR order, right-padded with zeros to the widest line of its
 * batch (at least {@value #MIN_WIDTH} px), and decoded greedily: the best class per time step,
 * repeats merged, blanks dropped; the confidence is the mean probability of the characters kept.
 * The dictionary is the package's {@code ppocr_keys_v1.txt} with the blank first and a space last;
 * a line in Latin script has its full-width and Cyrillic look-alikes folded ({@link LatinFold}).
 * Thread-safe.
 */
public final class TextRecognizer implements AutoCloseable {

  static final int HEIGHT = 48;

  /**
   * PaddleOCR pads every batch to at least 320 px; short words (signs, labels) then cost twice the
   * compute for padding. At 160 px the recognition stage took 95 ms instead of 130 ms on a street
   * photo's eight lines, and word recall on the evaluation pages did not drop (0.972 → 0.973).
   */
  static final int MIN_WIDTH = 160;

  static final int MAX_WIDTH = 3200;
  static final int BATCH = 6;

  /**
   * A blank step whose space probability reaches this is read as a space: the PP-OCRv4 Chinese
   * model often drops the narrow gaps of small English print (measured: word recall 0.72 → 0.78 on
   * the evaluation pages).
   */
  static final float SPACE_FLOOR = 0.1f;

  private static final float[] HALF = {0.5f, 0.5f, 0.5f};

  private final OnnxSession session;
  private final List<String> alphabet;
  private final @Nullable Lexicon lexicon;

  private TextRecognizer(OnnxSession session, List<String> alphabet, @Nullable Lexicon lexicon) {
    this.session = session;
    this.alphabet = alphabet;
    this.lexicon = lexicon;
  }

  /** This recognizer correcting non-words with {@code lexicon} (null: read as the model says). */
  public TextRecognizer withLexicon(@Nullable Lexicon lexicon) {
    return new TextRecognizer(session, alphabet, lexicon);
  }

  /** The model file in the {@code ocr-rec} package. */
  static final String MODEL = "assets/ch_PP-OCRv4_rec_infer.onnx";

  public static TextRecognizer load(ModelLoader models) {
    Path model = models.store().path("ocr-rec", MODEL);
    Path keys = models.store().path("ocr-rec", "assets/ppocr_keys_v1.txt");
    try {
      List<String> alphabet = new ArrayList<>();
      alphabet.add("");
      alphabet.addAll(Files.readAllLines(keys, StandardCharsets.UTF_8));
      alphabet.add(" ");
      return new TextRecognizer(
          models.open("ocr-rec", model, OnnxSession.Shapes.VARYING), alphabet, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OCR dictionary " + keys, e);
    }
  }

  /** Whether non-words are corrected with a word list. */
  public boolean corrects() {
    return lexicon != null;
  }

  public String sha256() {
    return session.sha256();
  }

  /** Recognised text of one line and its confidence 0..1. */
  public record Reading(String text, double confidence) {}

  /** Reads each crop; the result is in the order of {@code lines}. */
  public List<Reading> read(List<BufferedImage> lines) {
    Integer[] order = new Integer[lines.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> ratio(lines.get(i))));
    Reading[] result = new Reading[lines.size()];
    for (int start = 0; start < order.length; start += BATCH) {
      int end = Math.min(order.length, start + BATCH);
      int width = MIN_WIDTH;
      List<BufferedImage> scaled = new ArrayList<>();
      for (int k = start; k < end; k++) {
        BufferedImage line = lines.get(order[k]);
        int w = (int) Math.min(MAX_WIDTH, Math.max(1, Math.ceil(HEIGHT * ratio(line))));
        scaled.add(Pixels.resize(line, w, HEIGHT));
        width = Math.max(width, w);
      }
      int n = end - start;
      float[] input = new float[n * 3 * HEIGHT * width];
      for (int k = 0; k < n; k++) {
        Pixels.planarBgr(scaled.get(k), input, k * 3 * HEIGHT * width, width, HALF, HALF);
      }
      OnnxSession.Output out = session.runSingle(input, new long[] {n, 3, HEIGHT, width});
      int steps = (int) out.shape()[1];
      int classes = (int) out.shape()[2];
      for (int k = 0; k < n; k++) {
        result[order[start + k]] =
            decode(out.values(), k * steps * classes, steps, classes, alphabet, lexicon);
      }
    }
    return List.of(result);
  }

  /**
   * Greedy CTC decoding of one sequence of softmax rows. Each kept character also records its
   * runners-up (the best other classes over the time steps it was chosen at), which {@link
   * LexiconCorrection} uses when a word is not in the lexicon.
   */
  static Reading decode(
      float[] probs,
      int offset,
      int steps,
      int classes,
      List<String> alphabet,
      @Nullable Lexicon lexicon) {
    List<LexiconCorrection.Glyph> glyphs = new ArrayList<>();
    double sum = 0;
    int previous = -1;
    int space = alphabet.size() - 1;
    float[] runnerUp = new float[classes];
    int runStart = 0;
    for (int t = 0; t <= steps; t++) {
      int best = -1;
      if (t < steps) {
        int row = offset + t * classes;
        best = 0;
        for (int c = 1; c < classes; c++) {
          if (probs[row + c] > probs[row + best]) {
            best = c;
          }
        }
        if (best == 0 && space < classes && probs[row + space] >= SPACE_FLOOR) {
          best = space;
        }
      }
      if (best != previous) {
        // The run of `previous` over steps [runStart, t) ends: keep it as one character.
        if (previous > 0 && previous < alphabet.size()) {
          double p = 0;
          java.util.Arrays.fill(runnerUp, 0f);
          for (int s = runStart; s < t; s++) {
            int row = offset + s * classes;
            p = Math.max(p, probs[row + previous]);
            for (int c = 1; c < classes; c++) {
              runnerUp[c] = Math.max(runnerUp[c], probs[row + c]);
            }
          }
          glyphs.add(
              new LexiconCorrection.Glyph(
                  alphabet.get(previous), p, alternatives(runnerUp, previous, alphabet)));
          sum += p;
        }
        runStart = t;
      }
      previous = best;
    }
    StringBuilder raw = new StringBuilder();
    glyphs.forEach(g -> raw.append(g.text()));
    if (LatinFold.isLatin(raw.toString())) {
      glyphs = glyphs.stream().map(TextRecognizer::fold).toList();
    }
    String text = LexiconCorrection.correct(glyphs, lexicon);
    return new Reading(text.strip(), glyphs.isEmpty() ? 0 : sum / glyphs.size());
  }

  static final int ALTERNATIVES = 3;

  private static List<LexiconCorrection.Alternative> alternatives(
      float[] scores, int chosen, List<String> alphabet) {
    List<LexiconCorrection.Alternative> best = new ArrayList<>();
    for (int k = 0; k < ALTERNATIVES; k++) {
      int top = -1;
      for (int c = 1; c < Math.min(scores.length, alphabet.size()); c++) {
        if (c != chosen
            && scores[c] >= LexiconCorrection.ALTERNATIVE_FLOOR
            && (top < 0 || scores[c] > scores[top])) {
          top = c;
        }
      }
      if (top < 0) {
        break;
      }
      best.add(new LexiconCorrection.Alternative(alphabet.get(top), scores[top]));
      scores[top] = 0;
    }
    return best;
  }

  private static LexiconCorrection.Glyph fold(LexiconCorrection.Glyph g) {
    return new LexiconCorrection.Glyph(
        LatinFold.foldCharacters(g.text()),
        g.probability(),
        g.alternatives().stream()
            .map(
                a ->
                    new LexiconCorrection.Alternative(
                        LatinFold.foldCharacters(a.text()), a.probability()))
            .toList());
  }

  private static double ratio(BufferedImage img) {
    return (double) img.getWidth() / img.getHeight();
  }

  @Override
  public void close() {
    session.close();
  }
}
