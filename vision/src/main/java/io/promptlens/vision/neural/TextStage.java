package io.promptlens.vision.neural;

import io.promptlens.core.analysis.Provenance;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.models.ModelStore;
import org.jspecify.annotations.Nullable;

/**
 * Text: PaddleOCR's detector probes every image; the recognizer, its word list and the angle
 * classifier load on first use, once the detector found text.
 */
final class TextStage implements NeuralStage<TextReader.Outcome> {

  /** Version of the OCR pipeline (pre- and post-processing), in provenance. */
  static final String VERSION = "1.2";

  static final String SECTION = "text";
  static final String FAILURE = "OCR models could not be loaded";

  /**
   * The shortest image side (full resolution) on which a line of text can be read: the recognizer
   * reads lines scaled to 48 px, and glyphs under about 8 px have too few pixels to tell letters
   * apart. Below it OCR is not run.
   */
  static final int MIN_SIDE = 8;

  private final TextDetector detector;
  private final Lazy<TextRecognizer> recognizer;
  private final @Nullable Lazy<AngleClassifier> angles;
  private final TextReader reader;
  private final String detail;

  private TextStage(
      TextDetector detector,
      Lazy<TextRecognizer> recognizer,
      @Nullable Lazy<AngleClassifier> angles,
      String detail) {
    this.detector = detector;
    this.recognizer = recognizer;
    this.angles = angles;
    this.detail = detail;
    this.reader = new TextReader(detector, angles, recognizer);
  }

  /**
   * The stage around a loaded detector (null: none, so no stage); the recognizer and the optional
   * angle classifier and word list load on first use. Null, with a note, when the provenance detail
   * cannot be made (a model file unreadable).
   */
  static @Nullable TextStage of(
      ModelLoader models, @Nullable TextDetector detector, boolean orientation, boolean words) {
    if (detector == null) {
      return null;
    }
    ModelStore store = models.store();
    try {
      Lazy<TextRecognizer> recognizer =
          models.lazy(
              "ocr-rec",
              () -> {
                TextRecognizer r = TextRecognizer.load(models);
                return words ? r.withLexicon(Lexicon.load(store)) : r;
              });
      Lazy<AngleClassifier> angles =
          orientation ? models.lazy("ocr-cls", () -> AngleClassifier.load(models)) : null;
      return new TextStage(
          detector, recognizer, angles, detail(models, detector, orientation, words));
    } catch (RuntimeException e) {
      models.note(SECTION, FAILURE, e);
      NeuralStage.closeQuietly(detector);
      return null;
    }
  }

  /** The OCR provenance detail; hashes come from the store, so lazy models need not load. */
  private static String detail(
      ModelLoader models, TextDetector detector, boolean orientation, boolean words) {
    ModelStore store = models.store();
    return "PaddleOCR PP-OCRv4 from "
        + models.packageOf("ocr-det")
        + " on ONNX Runtime; det sha256="
        + detector.sha256()
        + ", rec sha256="
        + store.sha256(store.path("ocr-rec", TextRecognizer.MODEL))
        + (orientation
            ? ", cls sha256=" + store.sha256(store.path("ocr-cls", AngleClassifier.MODEL))
            : ", no angle classifier")
        + (words
            ? ", non-words corrected with " + models.packageOf("ocr-words")
            : ", no word list");
  }

  @Override
  public Part<TextReader.Outcome> see(DecodedImage image, int side) {
    return NeuralStage.runAbove(
        side,
        MIN_SIDE,
        "text: OCR",
        "text: OCR failed: ",
        () -> reader.readProbed(image.pixels(), image.detail()),
        read ->
            new Provenance(
                "vision.neural.ocr",
                VERSION,
                detail
                    + (read.probedEmpty()
                        ? "; the probe at "
                            + TextDetector.PROBE_LIMIT
                            + " px saw no text, so lines were not looked for at "
                            + TextDetector.LIMIT
                            + " px (print smaller than about 3 % of the long side is missed)"
                        : "")));
  }

  /** Whether the recognizer, which loads on first use, has been loaded. */
  boolean readingLoaded() {
    return recognizer.isLoaded();
  }

  TextDetector detector() {
    return detector;
  }

  @Override
  public void close() {
    NeuralStage.closeQuietly(detector, recognizer, angles);
  }
}
