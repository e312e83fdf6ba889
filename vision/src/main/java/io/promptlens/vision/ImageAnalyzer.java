package io.promptlens.vision;

import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.Focus;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.ImageInfo;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.analysis.MainSubject;
import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Provenance;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.TextContent;
import io.promptlens.core.compiler.StatementThresholds;
import io.promptlens.core.compiler.SubjectNaming;
import io.promptlens.vision.color.ColorAnalyzer;
import io.promptlens.vision.composition.CompositionAnalyzer;
import io.promptlens.vision.composition.SaliencyDetector;
import io.promptlens.vision.composition.SubjectRegion;
import io.promptlens.vision.focus.FocusAnalyzer;
import io.promptlens.vision.focus.NoiseEstimator;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.intake.ImageIntake;
import io.promptlens.vision.intake.ImageRejectedException;
import io.promptlens.vision.intake.IntakeLimits;
import io.promptlens.vision.light.LightAnalyzer;
import io.promptlens.vision.measure.AnalysisFrame;
import io.promptlens.vision.medium.MediumAnalyzer;
import io.promptlens.vision.neural.NeuralAnalyzers;
import io.promptlens.vision.scene.SceneAnalyzer;
import io.promptlens.vision.subject.SubjectDescriber;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The vision entry point: bytes in, {@link ImageAnalysis} out. Thread-safe; one instance serves the
 * whole process. The same bytes always give an equal analysis.
 */
public final class ImageAnalyzer {

  /** What the measured analyzers cannot do, stated in every analysis. */
  static final List<String> NOTES =
      List.of("medium and scene labels are measured from image statistics, not recognised");

  /** Said when the caller chose to run without the neural analyzers. */
  public static final String NO_NEURAL_NOTE =
      "subjects, people, text and safety: neural analysis was not run";

  /** The measured stages in the order they run, as the benchmark names them. */
  public static final List<String> STAGES =
      List.of(
          "measured.frame",
          "measured.color",
          "measured.saliency",
          "measured.light",
          "measured.focus",
          "measured.composition",
          "measured.medium",
          "measured.scene",
          "measured.subject");

  /** What the measured analyzers are; intake's entry comes first, per image ({@link #intake}). */
  private static final List<Provenance> PROVENANCE =
      List.of(
          new Provenance(
              "vision.color",
              ColorAnalyzer.VERSION,
              "OKLab k-means palette, xkcd colour names; Hasler-Süsstrunk colourfulness"),
          new Provenance(
              "vision.light",
              LightAnalyzer.VERSION,
              "median luminance in stops from middle gray; std of OKLab L; zone-system cues"),
          new Provenance(
              "vision.focus",
              FocusAnalyzer.VERSION,
              "Crété-Roffet blur per tile; structure-tensor motion angle; Immerkær/Tai-Yang noise; vignette"),
          new Provenance(
              "vision.composition",
              CompositionAnalyzer.VERSION,
              "Achanta frequency-tuned saliency; Hough horizon with a meaningful-alignment test; leading lines"
                  + " and vanishing point; mirror symmetry"),
          new Provenance(
              "vision.medium",
              MediumAnalyzer.VERSION,
              "decision list on colour counts, noise, planar share, text lines and texture"),
          new Provenance(
              "vision.scene", SceneAnalyzer.VERSION, "stuff labels from colour, position, texture"),
          new Provenance(
              "vision.subject",
              "1.0",
              "named from detections, text and medium at the thresholds of StatementThresholds;"
                  + " otherwise described from the salient region's size, place, colour and shape"));

  private final IntakeLimits limits;
  private final ImageIntake intake;

  /** The neural analyzers, perhaps still loading; null to run the measured analyzers alone. */
  private final @Nullable CompletableFuture<NeuralAnalyzers> neural;

  private final ColorAnalyzer color = new ColorAnalyzer();
  private final LightAnalyzer light = new LightAnalyzer();
  private final SaliencyDetector saliency = new SaliencyDetector();
  private final CompositionAnalyzer composition = new CompositionAnalyzer();
  private final MediumAnalyzer medium = new MediumAnalyzer();
  private final SceneAnalyzer scene = new SceneAnalyzer();
  private final SubjectDescriber describer = new SubjectDescriber();

  /** FocusAnalyzer reuses buffers, so each thread gets its own. */
  private final ThreadLocal<FocusAnalyzer> focus = ThreadLocal.withInitial(FocusAnalyzer::new);

  /**
   * @param neural the loaded neural analyzers (objects, faces, text, safety), or null to run the
   *     measured analyzers alone; the caller owns and closes them
   */
  public ImageAnalyzer(IntakeLimits limits, @Nullable NeuralAnalyzers neural) {
    this(neural == null ? null : CompletableFuture.completedFuture(neural), limits);
  }

  private ImageAnalyzer(@Nullable CompletableFuture<NeuralAnalyzers> neural, IntakeLimits limits) {
    this.limits = limits;
    this.intake = new ImageIntake(limits);
    this.neural = neural;
  }

  /**
   * An analyzer whose neural analyzers are still loading ({@link
   * NeuralAnalyzers#loadInBackground}): a one-shot command decodes and measures its first image
   * while they load (about 0.3 s of a cold start), and only the models' part of the analysis waits
   * for them. The caller owns and closes them once loaded.
   */
  public static ImageAnalyzer whileLoading(
      IntakeLimits limits, CompletableFuture<NeuralAnalyzers> loading) {
    return new ImageAnalyzer(loading, limits);
  }

  /** The measured analyzers alone. */
  public ImageAnalyzer(IntakeLimits limits) {
    this(limits, null);
  }

  public ImageAnalyzer() {
    this(IntakeLimits.defaults());
  }

  public IntakeLimits limits() {
    return limits;
  }

  /** Analyses an image held in memory. */
  public ImageAnalysis analyze(byte[] bytes) throws ImageRejectedException {
    return analyze(intake.decode(bytes));
  }

  /** Analyses a file; its size is checked before it is read. */
  public ImageAnalysis analyze(Path file) throws ImageRejectedException, IOException {
    return analyze(intake.decode(file));
  }

  /** Decodes bytes with this analyzer's intake and limits, for a caller that also needs pixels. */
  public DecodedImage decode(byte[] bytes) throws ImageRejectedException {
    return intake.decode(bytes);
  }

  /** Decodes a file with this analyzer's intake and limits. */
  public DecodedImage decode(Path file) throws ImageRejectedException, IOException {
    return intake.decode(file);
  }

  /** Analyses an image intake has already decoded. */
  public ImageAnalysis analyze(DecodedImage image) {
    return analyze(image, StageListener.NONE);
  }

  /**
   * Analyses a decoded image, reporting each stage's time to {@code stages} on this thread. The
   * measured analyzers run on this thread while the neural models look at the same pixels on the
   * other cores ({@link NeuralAnalyzers#look}), and this thread then runs the models no other core
   * has started: no measured analyzer reads a model's answer, and every field that weighs both (the
   * medium, the composition under a person mask, the subject) is decided once, after both, in
   * {@link NeuralAnalyzers#merge} and {@link #decideSubject}. Stage times then overlap; {@link
   * #analyzeInTurn} times each stage alone.
   */
  public ImageAnalysis analyze(DecodedImage image, StageListener stages) {
    return analyze(image, stages, true);
  }

  /**
   * The same analysis with every stage after the previous one on this thread, so that each stage's
   * time is its own cost (the benchmark's per-stage figures).
   */
  public ImageAnalysis analyzeInTurn(DecodedImage image, StageListener stages) {
    return analyze(image, stages, false);
  }

  private ImageAnalysis analyze(DecodedImage image, StageListener stages, boolean sideBySide) {
    // A local, so that the lambda below sees the value this null check proved.
    CompletableFuture<NeuralAnalyzers> loaded = neural;
    if (loaded == null) {
      return decideSubject(measure(image, stages).withNote(NO_NEURAL_NOTE));
    }
    long start = System.nanoTime();
    // The models start on the pool (once loaded) while this thread measures, then this thread
    // takes whichever of them no pool thread has started.
    Fork<NeuralAnalyzers.Looking> looking =
        Fork.of(sideBySide, () -> loaded.join().look(image, sideBySide));
    ImageAnalysis measured = measure(image, stages);
    long measuredAt = System.nanoTime();
    NeuralAnalyzers.Evidence evidence = looking.join().evidence();
    ImageAnalysis analysis = loaded.join().merge(measured, image, evidence, stages).analysis();
    // The models' wall time: side by side from the start, in turn from the measured stage's end.
    stages.took("neural", System.nanoTime() - (sideBySide ? start : measuredAt));
    return decideSubject(analysis);
  }

  /** The measured analyzers alone, each stage timed. */
  private static List<Provenance> provenance(DecodedImage image) {
    List<Provenance> all = new ArrayList<>(PROVENANCE.size() + 1);
    all.add(intake(image));
    all.addAll(PROVENANCE);
    return List.copyOf(all);
  }

  /** Intake's provenance names the decoder of this image's raster. */
  static Provenance intake(DecodedImage image) {
    return new Provenance(
        "vision.intake",
        "1.1",
        image.decoder() + "; EXIF orientation applied; sRGB, alpha on white");
  }

  private ImageAnalysis measure(DecodedImage image, StageListener stages) {
    long t0 = System.nanoTime();
    AnalysisFrame frame = AnalysisFrame.of(image.pixels(), image.opacity());
    long t1 = System.nanoTime();
    stages.took("measured.frame", t1 - t0);
    ColorAnalysis colorAnalysis = color.analyze(frame.sample());
    long t2 = System.nanoTime();
    stages.took("measured.color", t2 - t1);
    SubjectRegion subject = saliency.detect(frame.coarse());
    long t3 = System.nanoTime();
    stages.took("measured.saliency", t3 - t2);
    LightAnalysis lightAnalysis =
        light.analyze(frame, subject, ColorAnalyzer.warmth(frame.sample()));
    long t4 = System.nanoTime();
    stages.took("measured.light", t4 - t3);
    FocusAnalyzer focusAnalyzer = focus.get();
    NoiseEstimator.Estimate noise = focusAnalyzer.noise(frame);
    Focus focusAnalysis = focusAnalyzer.analyze(frame, noise);
    long t5 = System.nanoTime();
    stages.took("measured.focus", t5 - t4);
    Composition compositionAnalysis = composition.analyze(frame, subject);
    long t6 = System.nanoTime();
    stages.took("measured.composition", t6 - t5);
    Medium mediumAnalysis =
        medium.analyze(
            frame, focusAnalysis.noiseSigma(), noise.planarShare(), image.cameraExposure());
    long t7 = System.nanoTime();
    stages.took("measured.medium", t7 - t6);
    Scene sceneAnalysis =
        scene.analyze(frame, mediumAnalysis.label(), medianLuminance(lightAnalysis));
    long t8 = System.nanoTime();
    stages.took("measured.scene", t8 - t7);
    MainSubject described =
        describer.describe(frame.coarse(), subject, colorAnalysis, focusAnalysis, frame.opacity());
    stages.took("measured.subject", System.nanoTime() - t8);
    return ImageAnalysis.builder()
        .image(ImageInfo.of(image.width(), image.height(), image.format()))
        .color(colorAnalysis)
        .light(lightAnalysis)
        .medium(mediumAnalysis)
        .focus(focusAnalysis)
        .composition(compositionAnalysis)
        .scene(sceneAnalysis)
        .people(People.none())
        .text(TextContent.none())
        .notes(NOTES)
        .provenance(provenance(image))
        .subject(described)
        .build();
  }

  /**
   * The main subject, decided once with all the evidence (detections, text, medium, the measured
   * description): named when something is confident, else described.
   */
  public static ImageAnalysis decideSubject(ImageAnalysis analysis) {
    return analysis.withSubject(SubjectNaming.name(analysis, StatementThresholds.DEFAULT));
  }

  /** Median luminance back from the key's stops is not kept; the mean is a fair proxy here. */
  private static double medianLuminance(LightAnalysis light) {
    return light.meanLuminance();
  }
}
