package io.promptlens.vision.neural;

import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Provenance;
import io.promptlens.core.analysis.Safety;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.TextContent;
import io.promptlens.core.compiler.StatementThresholds;
import io.promptlens.vision.Fork;
import io.promptlens.vision.StageListener;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.models.ModelManifest;
import io.promptlens.vision.models.ModelStatus;
import io.promptlens.vision.models.ModelStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The neural analyzers as one unit: loads every installed model once, and adds what they see to a
 * measured analysis. A missing or corrupt model leaves its section empty with a note naming the
 * model and {@value ModelStore#FETCH_COMMAND}; a model that fails at run time leaves a note too.
 * Never throws for either. Thread-safe: one instance serves concurrent requests (ONNX Runtime
 * sessions are safe for concurrent {@code run}); close it once, at shutdown.
 */
public final class NeuralAnalyzers implements AutoCloseable {

  /** Version of the OCR pipeline (pre- and post-processing), in provenance. */
  public static final String OCR_VERSION = "1.2";

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
  private final Lazy<TextRecognizer> recognizer;
  private final Lazy<AngleClassifier> angles;
  private final String ocrDetail;
  private final TextReader reader;
  private final ObjectDetector objects;
  private final FaceAnalyzer faces;
  private final SafetyClassifier safety;
  private final Lazy<PersonSegmenter> segmenter;

  /** Model id to "package version", from the manifest, for provenance. */
  private final Map<String, String> packages;

  private NeuralAnalyzers(
      Map<String, String> packages,
      List<String> loadNotes,
      TextDetector detector,
      Lazy<AngleClassifier> angles,
      Lazy<TextRecognizer> recognizer,
      String ocrDetail,
      ObjectDetector objects,
      FaceAnalyzer faces,
      SafetyClassifier safety,
      Lazy<PersonSegmenter> segmenter) {
    this.packages = Map.copyOf(packages);
    this.loadNotes = List.copyOf(loadNotes);
    this.detector = detector;
    this.angles = angles;
    this.recognizer = recognizer;
    this.ocrDetail = ocrDetail;
    this.objects = objects;
    this.faces = faces;
    this.safety = safety;
    this.segmenter = segmenter;
    this.reader =
        detector != null && recognizer != null
            ? new TextReader(detector, angles, recognizer)
            : null;
  }

  /**
   * Loads what the store holds, verified; notes what it does not. The models every analysis runs
   * (text probe, objects, face detection, safety) load now, side by side on the cores; those that
   * run only after another found something (text reading and its word list, face age and
   * expression, the person mask) load on first use ({@link Lazy}).
   */
  public static NeuralAnalyzers load(ModelStore store) {
    List<String> notes = new ArrayList<>();
    Accelerator accelerator = Accelerator.current();
    if (accelerator.note() != null) {
      notes.add(accelerator.note());
    }
    boolean text = usable(store, notes, "text", "ocr-det", "ocr-rec");
    boolean orientation = text && usable(store, notes, "text orientation", "ocr-cls");
    boolean words = text && usable(store, notes, "text word correction", "ocr-words");
    int textNotes = notes.size();
    boolean objectsUsable = usable(store, notes, "subjects and people", "centernet");
    int objectNotes = notes.size();
    boolean facesUsable = usable(store, notes, "people (faces)", "blazeface", "gear", "emotion");
    int faceNotes = notes.size();
    boolean safetyUsable = usable(store, notes, "safety and medium", "nsfw");
    int safetyNotes = notes.size();
    boolean selfieUsable = usable(store, notes, "composition (person mask)", "selfie");
    List<String> statusNotes = List.copyOf(notes);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
            r -> {
              Thread t = new Thread(r, "promptlens-model-load");
              t.setDaemon(true);
              return t;
            });
    try {
      Future<TextDetector> detector = text ? pool.submit(() -> TextDetector.load(store)) : null;
      Future<ObjectDetector> objects =
          objectsUsable ? pool.submit(() -> ObjectDetector.load(store)) : null;
      Future<FaceAnalyzer> faces = facesUsable ? pool.submit(() -> FaceAnalyzer.load(store)) : null;
      Future<SafetyClassifier> safety =
          safetyUsable ? pool.submit(() -> SafetyClassifier.load(store)) : null;
      // Notes keep the order of the checks, whatever order the loads finish in.
      notes = new ArrayList<>(statusNotes.subList(0, textNotes));
      TextDetector det = loaded(detector, notes, "text: OCR models could not be loaded (");
      Lazy<TextRecognizer> rec = null;
      Lazy<AngleClassifier> cls = null;
      String ocrDetail = null;
      if (det != null) {
        try {
          rec =
              Lazy.of(
                  "ocr-rec",
                  () -> {
                    TextRecognizer r = TextRecognizer.load(store);
                    return words ? r.withLexicon(Lexicon.load(store)) : r;
                  });
          cls = orientation ? Lazy.of("ocr-cls", () -> AngleClassifier.load(store)) : null;
          ocrDetail = ocrDetail(store, det, orientation, words);
        } catch (RuntimeException e) {
          notes.add(loadFailure("text: OCR models could not be loaded (", e));
          closeQuietly(det);
          det = null;
          rec = null;
          cls = null;
        }
      }
      notes.addAll(statusNotes.subList(textNotes, objectNotes));
      ObjectDetector obj =
          loaded(objects, notes, "subjects and people: the object model could not be loaded (");
      notes.addAll(statusNotes.subList(objectNotes, faceNotes));
      FaceAnalyzer face =
          loaded(faces, notes, "people (faces): the face models could not be loaded (");
      notes.addAll(statusNotes.subList(faceNotes, safetyNotes));
      SafetyClassifier safe =
          loaded(safety, notes, "safety and medium: the nsfw model could not be loaded (");
      notes.addAll(statusNotes.subList(safetyNotes, statusNotes.size()));
      Lazy<PersonSegmenter> selfie =
          selfieUsable ? Lazy.of("selfie", () -> PersonSegmenter.load(store)) : null;
      for (String fallback; (fallback = OnnxSession.FALLBACKS.poll()) != null; ) {
        notes.add(fallback);
      }
      return new NeuralAnalyzers(
          packages(store), notes, det, cls, rec, ocrDetail, obj, face, safe, selfie);
    } finally {
      pool.shutdown();
    }
  }

  /** Each model's npm package and version as the manifest pins them: provenance names them. */
  private static Map<String, String> packages(ModelStore store) {
    Map<String, String> packages = new java.util.HashMap<>();
    for (ModelManifest.Model model : store.manifest().models()) {
      ModelManifest.Package pkg = store.manifest().packageOf(model);
      packages.put(model.id(), pkg.name() + " " + pkg.version());
    }
    return packages;
  }

  /** "package version" of a model, or the model id when the manifest does not list it. */
  private String from(String modelId) {
    return packages.getOrDefault(modelId, modelId);
  }

  /** A model loaded on the pool, or null with a note naming the failure. */
  private static <T> T loaded(Future<T> future, List<String> notes, String failure) {
    if (future == null) {
      return null;
    }
    try {
      return future.get();
    } catch (ExecutionException e) {
      notes.add(loadFailure(failure, e.getCause()));
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      notes.add(loadFailure(failure, e));
      return null;
    }
  }

  private static String loadFailure(String failure, Throwable e) {
    return failure + e.getMessage() + "); run `" + ModelStore.FETCH_COMMAND + "`";
  }

  private static String label(ModelManifest manifest, String modelId) {
    return manifest
        .model(modelId)
        .map(m -> manifest.packageOf(m).name() + " " + manifest.packageOf(m).version())
        .orElse(modelId);
  }

  /** The OCR provenance detail; hashes come from the store, so lazy models need not load. */
  private static String ocrDetail(
      ModelStore store, TextDetector detector, boolean orientation, boolean words) {
    ModelManifest manifest = store.manifest();
    return "PaddleOCR PP-OCRv4 from "
        + label(manifest, "ocr-det")
        + " on ONNX Runtime; det sha256="
        + detector.sha256()
        + ", rec sha256="
        + store.sha256(store.path("ocr-rec", "assets/ch_PP-OCRv4_rec_infer.onnx"))
        + (orientation
            ? ", cls sha256="
                + store.sha256(store.path("ocr-cls", "assets/ch_ppocr_mobile_v2.0_cls_infer.onnx"))
            : ", no angle classifier")
        + (words ? ", non-words corrected with " + label(manifest, "ocr-words") : ", no word list");
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
    return merge(measured, image, see(image, true), stages);
  }

  /**
   * What one model made of the pixels: its answer (null when it did not run or failed), the notes
   * it leaves (too small an image, a failure), its provenance entry (null when it gave no answer)
   * and how long it took in nanoseconds (-1 when it was not run, so no stage is reported).
   */
  record Part<T>(T value, List<String> notes, Provenance provenance, long nanos) {

    static <T> Part<T> skipped(List<String> notes) {
      return new Part<>(null, notes, null, -1);
    }
  }

  /**
   * What the models saw in an image's pixels, before it meets the measured analysis: the answers
   * that need nothing but pixels (text, objects, faces before the person-box check, safety), made
   * by {@link #see} and read by {@link #merge}. Immutable.
   */
  public static final class Evidence {
    private final Part<TextReader.Outcome> text;
    private final Part<List<ObjectDetector.Detection>> objects;
    private final Part<List<People.Face>> faces;
    private final Part<SafetyAssessment> safety;

    Evidence(
        Part<TextReader.Outcome> text,
        Part<List<ObjectDetector.Detection>> objects,
        Part<List<People.Face>> faces,
        Part<SafetyAssessment> safety) {
      this.text = text;
      this.objects = objects;
      this.faces = faces;
      this.safety = safety;
    }
  }

  /**
   * Runs the models that need only the pixels: text, objects, faces and safety. None of them reads
   * another's answer, so with {@code sideBySide} they run as {@link Fork}s on the cores (the object
   * detector, the longest, on another thread while this one reads text, faces and safety);
   * otherwise one after another on this thread, as the benchmark times each alone. Either way the
   * answers are the same.
   */
  public Evidence see(DecodedImage image, boolean sideBySide) {
    int side = Math.min(image.width(), image.height());
    Fork<Part<List<ObjectDetector.Detection>>> objects =
        Fork.of(sideBySide, () -> objects(image, side));
    Fork<Part<List<People.Face>>> faces = Fork.of(sideBySide, () -> faces(image, side));
    Fork<Part<SafetyAssessment>> safety = Fork.of(sideBySide, () -> safety(image));
    Part<TextReader.Outcome> text = text(image, side);
    Fork.runUnstarted(objects, faces, safety);
    return new Evidence(text, objects.join(), faces.join(), safety.join());
  }

  private Part<TextReader.Outcome> text(DecodedImage image, int side) {
    List<String> notes = new ArrayList<>();
    // A model the image is too small for is skipped with a note; its section stays as measured.
    if (reader == null || tooSmall(side, MIN_TEXT_SIDE, "text: OCR", notes)) {
      return Part.skipped(notes);
    }
    return run(
        notes,
        "text: OCR failed: ",
        () -> reader.readProbed(image.pixels(), image.detail()),
        read ->
            new Provenance(
                "vision.neural.ocr",
                OCR_VERSION,
                ocrDetail
                    + (read.probedEmpty()
                        ? "; the probe at "
                            + TextDetector.PROBE_LIMIT
                            + " px saw no text, so lines were not looked for at "
                            + TextDetector.LIMIT
                            + " px (print smaller than about 3 % of the long side is missed)"
                        : "")));
  }

  private Part<List<ObjectDetector.Detection>> objects(DecodedImage image, int side) {
    List<String> notes = new ArrayList<>();
    if (objects == null
        || tooSmall(side, MIN_OBJECT_SIDE, "subjects and people: object detection", notes)) {
      return Part.skipped(notes);
    }
    return run(
        notes,
        "subjects and people: object detection failed: ",
        () -> objects.detect(image.pixels()),
        found ->
            new Provenance(
                "vision.neural.centernet",
                OBJECTS_VERSION,
                "MB3-CenterNet (COCO-80) from "
                    + from("centernet")
                    + ", TF.js graph converted to"
                    + " ONNX by converter "
                    + io.promptlens.vision.models.ModelStore.CONVERTER_VERSION
                    + "; onnx sha256="
                    + objects.sha256()
                    + "; score >= "
                    + ObjectDetector.MIN_SCORE
                    + ", NMS IoU "
                    + ObjectDetector.IOU));
  }

  private Part<List<People.Face>> faces(DecodedImage image, int side) {
    List<String> notes = new ArrayList<>();
    if (faces == null || tooSmall(side, MIN_FACE_SIDE, "people (faces): face detection", notes)) {
      return Part.skipped(notes);
    }
    return run(
        notes,
        "people (faces): face analysis failed: ",
        () -> faces.faces(image.pixels()),
        found ->
            new Provenance(
                "vision.neural.faces",
                FACES_VERSION,
                "BlazeFace + GEAR age head + expression from "
                    + from("blazeface")
                    + ","
                    + " converted to ONNX; "
                    + faces.sha256s()));
  }

  private Part<SafetyAssessment> safety(DecodedImage image) {
    if (safety == null) {
      return Part.skipped(new ArrayList<>());
    }
    return run(
        new ArrayList<>(),
        "safety and medium: the nsfw model failed: ",
        () -> safety.assess(image.pixels()),
        assessment ->
            new Provenance(
                "vision.neural.nsfw",
                SAFETY_VERSION,
                from("nsfw")
                    + " MobileNetV2Mid, TF.js graph converted to ONNX; onnx sha256="
                    + safety.sha256()));
  }

  /** Runs one model, timed; a failure leaves {@code failure} and its message in the notes. */
  private static <T> Part<T> run(
      List<String> notes,
      String failure,
      java.util.function.Supplier<T> model,
      java.util.function.Function<T, Provenance> provenance) {
    long start = System.nanoTime();
    try {
      T value = model.get();
      return new Part<>(value, notes, provenance.apply(value), System.nanoTime() - start);
    } catch (NeuralException e) {
      notes.add(failure + e.getMessage());
      return new Part<>(null, notes, null, System.nanoTime() - start);
    }
  }

  /** Adds a part's notes and provenance, and reports its time as {@code stage}. */
  private static void add(
      Part<?> part,
      String stage,
      List<String> notes,
      List<Provenance> provenance,
      StageListener stages) {
    notes.addAll(part.notes());
    if (part.provenance() != null) {
      provenance.add(part.provenance());
    }
    if (part.nanos() >= 0) {
      stages.took(stage, part.nanos());
    }
  }

  /**
   * The measured analysis with what the models saw: text, subjects, people (faces count only inside
   * a person box when the object detector ran), the person mask's composition (the one model that
   * runs here, after a person was found), safety and the medium probe's call on the measured
   * medium. Notes and provenance keep the models' order: text, objects, faces, person mask, safety.
   */
  public Result merge(
      ImageAnalysis measured, DecodedImage image, Evidence seen, StageListener stages) {
    List<String> notes = new ArrayList<>(measured.notes());
    notes.addAll(loadNotes);
    List<Provenance> provenance = new ArrayList<>(measured.provenance());
    add(seen.text, "neural.ocr", notes, provenance, stages);
    TextContent text = seen.text.value() == null ? measured.text() : seen.text.value().text();
    add(seen.objects, "neural.centernet", notes, provenance, stages);
    List<Subject> subjects = measured.subjects();
    People people = measured.people();
    List<Subject> personBoxes = null; // null: no object detector ran, faces stand alone
    if (seen.objects.value() != null) {
      subjects = new ArrayList<>(measured.subjects());
      int persons = 0;
      personBoxes = new ArrayList<>();
      for (ObjectDetector.Detection d : seen.objects.value()) {
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
      people = new People(Math.max(persons, measured.people().count()), measured.people().faces());
    }
    add(seen.faces, "neural.faces", notes, provenance, stages);
    if (seen.faces.value() != null) {
      List<People.Face> found = seen.faces.value();
      if (personBoxes != null) {
        // BlazeFace also fires on animal and cartoon faces; with the object detector at hand a
        // face counts only where it agrees that a person stands.
        List<Subject> persons = personBoxes;
        found = found.stream().filter(face -> insideAny(face.box(), persons)).toList();
      }
      people = new People(Math.max(people.count(), found.size()), found);
    }
    Composition composition = measured.composition();
    if (segmenter != null && people.count() > 0) {
      long start = System.nanoTime();
      try {
        List<List<Double>> boxes =
            personBoxes == null ? null : personBoxes.stream().map(Subject::box).toList();
        PersonSegmenter selfie = segmenter.get();
        PersonSegmenter.Mask mask = selfie.segment(image.pixels(), boxes);
        composition = MaskComposition.apply(composition, mask);
        provenance.add(
            new Provenance(
                "vision.neural.selfie",
                SEGMENTATION_VERSION,
                "MediaPipe Selfie segmentation from "
                    + from("selfie")
                    + ", TF.js graph"
                    + " converted to ONNX; onnx sha256="
                    + selfie.sha256()
                    + "; mask >= "
                    + PersonSegmenter.THRESHOLD
                    + (boxes == null ? "" : " inside person boxes")
                    + (mask.empty() ? "; mask empty, composition measured" : "")));
      } catch (NeuralException e) {
        notes.add("composition (person mask): segmentation failed: " + e.getMessage());
      }
      stages.took("neural.selfie", System.nanoTime() - start);
    }
    add(seen.safety, "neural.nsfw", notes, provenance, stages);
    SafetyAssessment assessment = seen.safety.value();
    // Before the builder takes the provenance: the medium probe adds its entry to it.
    Medium measuredMedium = unreadPage(measured.medium(), seen.text.value() != null, text);
    Medium medium =
        assessment == null ? measuredMedium : medium(measuredMedium, assessment, provenance);
    Scene scene =
        assessment == null ? measured.scene() : scene(measured.scene(), assessment, provenance);
    ImageAnalysis analysis =
        measured.toBuilder()
            .medium(medium)
            .scene(scene)
            .composition(composition)
            .subjects(subjects)
            .people(people)
            .text(text)
            .notes(notes)
            .provenance(provenance)
            .safety(assessment == null ? measured.safety() : safety(assessment))
            .build();
    return new Result(analysis, assessment);
  }

  /**
   * The shortest image side (full resolution) on which a line of text can be read: the recognizer
   * reads lines scaled to 48 px, and glyphs under about 8 px have too few pixels to tell letters
   * apart. Below it OCR is not run.
   */
  static final int MIN_TEXT_SIDE = 8;

  /**
   * The shortest side on which object detection is run: CenterNet finds objects on a 128 × 128 grid
   * of its 512 px input, and COCO's "small" objects start around 16 px; a smaller image is a
   * stretched blur to it.
   */
  static final int MIN_OBJECT_SIDE = 16;

  /**
   * The shortest side on which faces are looked for: BlazeFace's finest anchors are 16 px apart on
   * its 256 px input, and the expression model reads a face at 64 × 64; a face of fewer than 24
   * source pixels gives neither anything to see.
   */
  static final int MIN_FACE_SIDE = 24;

  /**
   * Whether the image is too small for a model: if so, says in {@code notes} that the model was not
   * run and why (never that it found nothing). The safety model has no such floor: it always runs.
   */
  static boolean tooSmall(int side, int floor, String model, List<String> notes) {
    if (side >= floor) {
      return false;
    }
    notes.add(
        model
            + " was not run: the image's shorter side is "
            + side
            + " px, under the "
            + floor
            + " px it needs to find anything");
    return true;
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
  static Medium medium(Medium measured, SafetyAssessment assessment, List<Provenance> provenance) {
    MediumProbe probe = ShippedProbe.PROBE;
    if (probe != null && assessment.features() != null) {
      Medium decided = probe.decide(measured, assessment.features(), StatementThresholds.DEFAULT);
      StringBuilder detail =
          new StringBuilder("linear probes on the nsfw network's pooled features");
      probe
          .probabilities(assessment.features())
          .forEach(
              (label, p) ->
                  detail
                      .append("; ")
                      .append(label.name().toLowerCase(java.util.Locale.ROOT))
                      .append(' ')
                      .append(Math.round(p * 1000) / 1000.0));
      detail.append("; fitted on ").append(probe.trainedOn());
      provenance.add(new Provenance(MediumProbe.COMPONENT, "1", detail.toString()));
      return decided;
    }
    return medium(measured, assessment);
  }

  /**
   * The measured medium, less a "document" the text reader refutes: the measures see rows of text
   * lines on a light page, but rows of bricks, tiles, windows or shelves look the same to them
   * (issue 18: a cartoon school front named "a page of printed text"). When the reader ran and read
   * no line at all, nothing says there is print, and the medium is left unknown for the probe and
   * the rest to decide. Without the reader the measured call stands.
   */
  static Medium unreadPage(Medium measured, boolean readerRan, TextContent read) {
    if (measured.label() == MediumLabel.DOCUMENT && readerRan && read.lines().isEmpty()) {
      return new Medium(MediumLabel.UNKNOWN, 0, measured.styles());
    }
    return measured;
  }

  /** The shipped probes, read on first use (class initialisation is once and thread-safe). */
  private static final class ShippedProbe {
    static final MediumProbe PROBE = MediumProbe.shipped();
    static final SceneProbe SCENE = SceneProbe.shipped();
  }

  /** The scene with the scene probe's evidence, when the probe and the features are there. */
  static Scene scene(Scene measured, SafetyAssessment assessment, List<Provenance> provenance) {
    SceneProbe probe = ShippedProbe.SCENE;
    if (probe == null || assessment.features() == null) {
      return measured;
    }
    StringBuilder detail = new StringBuilder("linear probes on the nsfw network's pooled features");
    probe
        .probabilities(assessment.features())
        .forEach(
            (label, p) ->
                detail
                    .append("; ")
                    .append(label)
                    .append(' ')
                    .append(Math.round(p * 1000) / 1000.0));
    detail.append("; fitted on ").append(probe.set().trainedOn());
    provenance.add(new Provenance(SceneProbe.COMPONENT, "1", detail.toString()));
    return probe.decide(measured, assessment.features());
  }

  /** The rule without the probe's features (a model converted before they were kept). */
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

  /** Whether the text recognizer, which loads on first use, has been loaded (for tests). */
  boolean readingLoaded() {
    return recognizer != null && recognizer.isLoaded();
  }

  TextDetector textDetectorForTest() {
    return detector;
  }

  /** Whether the face age and expression heads, which load on first use, have been loaded. */
  boolean faceHeadsLoaded() {
    return faces != null && faces.headsLoaded();
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
