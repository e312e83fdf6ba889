package io.promptlens.engine;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.providers.Cancellation;
import io.promptlens.providers.Fusion;
import io.promptlens.providers.PreparedImage;
import io.promptlens.providers.VisionProvider;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.intake.ImageRejectedException;
import io.promptlens.vision.intake.IntakeLimits;
import io.promptlens.vision.neural.NeuralAnalyzers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One image through the whole engine: the analyzer's intake decodes it, the local analyzers measure
 * and recognise, and, when a vision-language provider is configured and wanted, its answer is fused
 * with the measured facts (measured colour, light, aspect and size stay). The command line and the
 * web app both run this; only the wording of their notes differs. Thread-safe when the analyzer and
 * provider are.
 */
public final class AnalysisEngine implements AutoCloseable {

  /**
   * What the analysis says when the provider did not run: none is configured, or the caller did not
   * want it (a workspace that did not enable it).
   */
  public record Notes(String noProvider, String providerNotWanted) {}

  /** An analysis with the decoded pixels it was made from (for a thumbnail; never stored as is). */
  public record Analysed(ImageAnalysis analysis, DecodedImage image) {}

  private final ImageAnalyzer analyzer;
  private final @Nullable VisionProvider provider;
  private final Notes notes;
  private final @Nullable CompletableFuture<NeuralAnalyzers> owned;

  /**
   * @param provider the configured provider, or null
   */
  public AnalysisEngine(ImageAnalyzer analyzer, @Nullable VisionProvider provider, Notes notes) {
    this(analyzer, provider, notes, null);
  }

  private AnalysisEngine(
      ImageAnalyzer analyzer,
      @Nullable VisionProvider provider,
      Notes notes,
      @Nullable CompletableFuture<NeuralAnalyzers> owned) {
    this.analyzer = analyzer;
    this.provider = provider;
    this.notes = notes;
    this.owned = owned;
  }

  /**
   * An engine that owns its neural analyzers (null: none) and closes them: a command that loads the
   * models for one run.
   */
  public static AnalysisEngine owning(
      IntakeLimits limits,
      @Nullable NeuralAnalyzers neural,
      @Nullable VisionProvider provider,
      Notes notes) {
    return new AnalysisEngine(
        new ImageAnalyzer(limits, neural),
        provider,
        notes,
        neural == null ? null : CompletableFuture.completedFuture(neural));
  }

  /**
   * Like {@link #owning}, with neural analyzers still loading ({@link
   * NeuralAnalyzers#loadInBackground}): the first image is decoded and measured meanwhile.
   */
  public static AnalysisEngine owningWhileLoading(
      IntakeLimits limits,
      CompletableFuture<NeuralAnalyzers> loading,
      @Nullable VisionProvider provider,
      Notes notes) {
    return new AnalysisEngine(
        ImageAnalyzer.whileLoading(limits, loading), provider, notes, loading);
  }

  public IntakeLimits limits() {
    return analyzer.limits();
  }

  public boolean hasProvider() {
    return provider != null;
  }

  /**
   * Analyses one file with the provider, when one is configured.
   *
   * @throws io.promptlens.providers.ProviderException when the provider call fails
   */
  public ImageAnalysis analyze(Path file) throws ImageRejectedException, IOException {
    return analyze(analyzer.decode(file), true).analysis();
  }

  /** Analyses bytes already read (bounded by the caller); see {@link #analyze(Path)}. */
  public ImageAnalysis analyze(byte[] bytes) throws ImageRejectedException {
    return analyze(analyzer.decode(bytes), true).analysis();
  }

  /**
   * Analyses bytes; the pixels reach the provider only when {@code useProvider} (a caller's
   * setting: never for anonymous use in the app).
   *
   * @throws io.promptlens.providers.ProviderException when the provider call fails
   */
  public Analysed analyze(byte[] bytes, boolean useProvider) throws ImageRejectedException {
    return analyze(analyzer.decode(bytes), useProvider);
  }

  private Analysed analyze(DecodedImage image, boolean useProvider) {
    ImageAnalysis measured = analyzer.analyze(image);
    if (provider == null) {
      return new Analysed(measured.withNote(notes.noProvider()), image);
    }
    if (!useProvider) {
      return new Analysed(measured.withNote(notes.providerNotWanted()), image);
    }
    // Only the decoded pixels leave the process, downscaled and re-encoded without metadata.
    ImageAnalysis fused =
        Fusion.fuse(
            measured, provider.describe(PreparedImage.of(image.pixels()), Cancellation.create()));
    return new Analysed(fused, image);
  }

  /** Closes the neural analyzers this engine owns, if any. */
  @Override
  public void close() {
    if (owned != null) {
      owned.join().close();
    }
  }
}
