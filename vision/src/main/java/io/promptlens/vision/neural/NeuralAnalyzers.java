package io.promptlens.vision.neural;

import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Provenance;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.TextContent;
import io.promptlens.vision.Fork;
import io.promptlens.vision.StageListener;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.models.ModelStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The neural analyzers as one unit: one {@link NeuralStage} per model that reads the pixels (text,
 * objects, faces, safety), the person mask that runs after them ({@link MaskStage}) and the probes
 * on the safety network's features ({@link FeatureProbes}), all loaded by one {@link ModelLoader}.
 * A missing or corrupt model leaves its section empty with a note naming the model and {@value
 * ModelStore#FETCH_COMMAND}; a model that fails at run time leaves a note too. Never throws for
 * either. Thread-safe: one instance serves concurrent requests (ONNX Runtime sessions are safe for
 * concurrent {@code run}); close it once, at shutdown.
 */
public final class NeuralAnalyzers implements AutoCloseable {

  private final ModelLoader models;
  private final @Nullable TextStage text;
  private final @Nullable ObjectStage objects;
  private final @Nullable FaceStage faces;
  private final @Nullable SafetyStage safety;
  private final @Nullable MaskStage mask;

  private NeuralAnalyzers(
      ModelLoader models,
      @Nullable TextStage text,
      @Nullable ObjectStage objects,
      @Nullable FaceStage faces,
      @Nullable SafetyStage safety,
      @Nullable MaskStage mask) {
    this.models = models;
    this.text = text;
    this.objects = objects;
    this.faces = faces;
    this.safety = safety;
    this.mask = mask;
  }

  /**
   * Loads what the store holds, verified; notes what it does not. The models every analysis runs
   * (text probe, objects, face detection, safety) load now, side by side on the cores; those that
   * run only after another found something (text reading and its word list, face age and
   * expression, the person mask) load on first use ({@link Lazy}).
   */
  public static NeuralAnalyzers load(ModelStore store) {
    return load(store, Accelerator.current());
  }

  /**
   * Starts {@link #load(ModelStore)} on a daemon thread of its own and returns at once, so that the
   * caller can decode and measure an image while the models load. The future never completes
   * exceptionally: a model that cannot load is a note, as in {@link #load(ModelStore)}, and an
   * unexpected error is thrown where the future is joined.
   */
  public static CompletableFuture<NeuralAnalyzers> loadInBackground(ModelStore store) {
    CompletableFuture<NeuralAnalyzers> loaded = new CompletableFuture<>();
    Thread loader =
        new Thread(
            () -> {
              try {
                loaded.complete(load(store));
              } catch (RuntimeException | Error e) {
                loaded.completeExceptionally(e);
              }
            },
            "promptlens-model-load-start");
    loader.setDaemon(true);
    loader.start();
    return loaded;
  }

  /** Like {@link #load(ModelStore)}, its sessions asking {@code accelerator} first. */
  static NeuralAnalyzers load(ModelStore store, Accelerator accelerator) {
    ModelLoader models = new ModelLoader(store, accelerator);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
            r -> {
              Thread t = new Thread(r, "promptlens-model-load");
              t.setDaemon(true);
              return t;
            });
    try {
      ModelLoader.Pending<TextDetector> detector =
          models.start(pool, TextStage.SECTION, TextDetector::load, "ocr-det", "ocr-rec");
      boolean orientation = detector.alsoUsable("text orientation", "ocr-cls");
      boolean words = detector.alsoUsable("text word correction", "ocr-words");
      ModelLoader.Pending<ObjectDetector> objects =
          models.start(pool, "subjects and people", ObjectDetector::load, "centernet");
      ModelLoader.Pending<FaceAnalyzer> faces =
          models.start(pool, "people (faces)", FaceAnalyzer::load, "blazeface", "gear", "emotion");
      ModelLoader.Pending<SafetyClassifier> safety =
          models.start(pool, "safety and medium", SafetyClassifier::load, "nsfw");
      // Joined in this order, so the notes keep it whatever order the loads finish in.
      TextStage text = TextStage.of(models, detector.join(TextStage.FAILURE), orientation, words);
      ObjectDetector objectModel = objects.join("the object model could not be loaded");
      FaceAnalyzer faceModels = faces.join("the face models could not be loaded");
      SafetyClassifier safetyModel = safety.join("the nsfw model could not be loaded");
      Lazy<PersonSegmenter> segmenter =
          models.lazy("composition (person mask)", "selfie", PersonSegmenter::load);
      return new NeuralAnalyzers(
          models,
          text,
          objectModel == null ? null : new ObjectStage(objectModel, models.packageOf("centernet")),
          faceModels == null ? null : new FaceStage(faceModels, models.packageOf("blazeface")),
          safetyModel == null ? null : new SafetyStage(safetyModel, models.packageOf("nsfw")),
          segmenter == null ? null : new MaskStage(segmenter, models.packageOf("selfie")));
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Notes about this engine's models: missing or failed to load, and those that fell back from CUDA
   * to the CPU (a model loaded on first use adds its note when it loads).
   */
  public List<String> loadNotes() {
    return models.notes();
  }

  /** Whether the OCR models are loaded. */
  public boolean readsText() {
    return text != null;
  }

  /** Whether the object detector is loaded. */
  public boolean detectsObjects() {
    return objects != null;
  }

  /** The enriched analysis and, when the nsfw model is installed, the safety assessment. */
  public record Result(ImageAnalysis analysis, @Nullable SafetyAssessment safety) {}

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
   * Runs the stages that need only the pixels: text, objects, faces and safety. None of them reads
   * another's answer but the faces (which wait for the objects), so with {@code sideBySide} they
   * run as {@link Fork}s on the cores; otherwise one after another on this thread, as the benchmark
   * times each alone. Either way the answers are the same.
   */
  public Evidence see(DecodedImage image, boolean sideBySide) {
    return look(image, sideBySide).evidence();
  }

  /**
   * Starts the stages of {@link #see} and returns at once: the caller does other work (the measured
   * analyzers) and then gathers them with {@link Looking#evidence}, running there every stage no
   * pool thread has started yet. The object detector, the longest, goes first.
   */
  public Looking look(DecodedImage image, boolean sideBySide) {
    int side = Math.min(image.width(), image.height());
    Fork<Part<List<ObjectDetector.Detection>>> objects =
        Fork.of(sideBySide, () -> see(this.objects, image, side));
    Fork<Part<TextReader.Outcome>> text = Fork.of(sideBySide, () -> see(this.text, image, side));
    Fork<Part<SafetyAssessment>> safety = Fork.of(sideBySide, () -> see(this.safety, image, side));
    Fork<Part<List<People.Face>>> faces = Fork.of(sideBySide, () -> faces(image, side, objects));
    return new Looking(text, objects, faces, safety);
  }

  /** The stages of one image, started by {@link #look}. */
  public static final class Looking {
    private final Fork<Part<TextReader.Outcome>> text;
    private final Fork<Part<List<ObjectDetector.Detection>>> objects;
    private final Fork<Part<List<People.Face>>> faces;
    private final Fork<Part<SafetyAssessment>> safety;

    private Looking(
        Fork<Part<TextReader.Outcome>> text,
        Fork<Part<List<ObjectDetector.Detection>>> objects,
        Fork<Part<List<People.Face>>> faces,
        Fork<Part<SafetyAssessment>> safety) {
      this.text = text;
      this.objects = objects;
      this.faces = faces;
      this.safety = safety;
    }

    /**
     * What the stages saw, running here each one no pool thread has started (faces last: they wait
     * for the objects, and nothing else need wait with them).
     */
    public Evidence evidence() {
      Fork.runUnstarted(text, objects, safety, faces);
      return new Evidence(text.join(), objects.join(), faces.join(), safety.join());
    }
  }

  /**
   * The faces, looked for only where they can count: with the object detector's answer, a face
   * counts only inside a person box ({@link PeopleEvidence#withFaces}), so when it found no person
   * at all the face detector would find nothing that counts, and is not run (issue 17: 9 ms of a 1
   * MP analysis). Its provenance says so.
   */
  private Part<List<People.Face>> faces(
      DecodedImage image, int side, Fork<Part<List<ObjectDetector.Detection>>> objects) {
    // An image too small for faces keeps the note that says so (see, below).
    if (this.faces != null && this.objects != null && side >= FaceStage.MIN_SIDE) {
      List<ObjectDetector.Detection> found = objects.join().value();
      if (found != null && found.stream().noneMatch(d -> PeopleEvidence.PERSON.equals(d.label()))) {
        return this.faces.noPerson();
      }
    }
    return see(this.faces, image, side);
  }

  /** What a stage sees; a stage whose models are not loaded sees nothing and says nothing. */
  private static <T> Part<T> see(@Nullable NeuralStage<T> stage, DecodedImage image, int side) {
    return stage == null ? Part.skipped(new ArrayList<>()) : stage.see(image, side);
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
    List<Provenance> provenance = new ArrayList<>(measured.provenance());
    add(seen.text, "neural.ocr", notes, provenance, stages);
    TextReader.Outcome read = seen.text.value();
    TextContent textContent = read == null ? measured.text() : read.text();
    add(seen.objects, "neural.centernet", notes, provenance, stages);
    add(seen.faces, "neural.faces", notes, provenance, stages);
    PeopleEvidence people =
        PeopleEvidence.of(measured.subjects(), measured.people(), seen.objects.value())
            .withFaces(seen.faces.value());
    Composition composition = measured.composition();
    if (mask != null && people.people().count() > 0) {
      composition =
          mask.compose(composition, image, people.personBoxes(), notes, provenance, stages);
    }
    add(seen.safety, "neural.nsfw", notes, provenance, stages);
    SafetyAssessment assessment = seen.safety.value();
    // Before the builder takes the provenance: the probes add their entries to it.
    Medium measuredMedium = unreadPage(measured.medium(), read != null, textContent);
    Medium medium =
        assessment == null
            ? measuredMedium
            : FeatureProbes.medium(measuredMedium, assessment, image.cameraExposure(), provenance);
    Scene scene =
        assessment == null
            ? measured.scene()
            : FeatureProbes.scene(
                measured.scene(),
                Math.min(measured.image().width(), measured.image().height()),
                assessment,
                provenance);
    // The engine's notes last in time but first in place: a model loaded on first use during this
    // analysis (the person mask above) has added its CUDA fallback to them by now.
    notes.addAll(measured.notes().size(), models.notes());
    ImageAnalysis analysis =
        measured.toBuilder()
            .medium(medium)
            .scene(scene)
            .composition(composition)
            .subjects(people.subjects())
            .people(people.people())
            .text(textContent)
            .notes(notes)
            .provenance(provenance)
            .safety(assessment == null ? measured.safety() : SafetyStage.section(assessment))
            .build();
    return new Result(analysis, assessment);
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

  /** Whether the text recognizer, which loads on first use, has been loaded (for tests). */
  boolean readingLoaded() {
    return text != null && text.readingLoaded();
  }

  @Nullable TextDetector textDetectorForTest() {
    return text == null ? null : text.detector();
  }

  /** Whether the face age and expression heads, which load on first use, have been loaded. */
  boolean faceHeadsLoaded() {
    return faces != null && faces.headsLoaded();
  }

  @Override
  public void close() {
    NeuralStage.closeQuietly(text, objects, faces, safety, mask);
  }

  /**
   * The measured medium, less a "document" the text reader refutes: the measures see rows of text
   * lines on a light page, but rows of bricks, tiles, windows or shelves look the same to them
   * (issue 18: a cartoon school front named "a page of printed text"), and so do the boxes and
   * labels of a diagram, a dialog on a screenshot or a table. When the reader ran and did not read
   * running text ({@link TextContent#readsAsRunningText}), nothing says this is a page of print,
   * and the medium is left unknown for the probe and the rest to decide. Without the reader the
   * measured call stands.
   */
  static Medium unreadPage(Medium measured, boolean readerRan, TextContent read) {
    if (measured.label() == MediumLabel.DOCUMENT && readerRan && !read.readsAsRunningText()) {
      return new Medium(MediumLabel.UNKNOWN, 0, measured.styles());
    }
    return measured;
  }
}
