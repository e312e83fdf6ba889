package io.promptlens.cli;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.providers.Cancellation;
import io.promptlens.providers.Fusion;
import io.promptlens.providers.PreparedImage;
import io.promptlens.providers.VisionProvider;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.intake.ImageIntake;
import io.promptlens.vision.intake.ImageRejectedException;
import io.promptlens.vision.intake.IntakeLimits;
import io.promptlens.vision.neural.NeuralAnalyzers;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One image through the engine: intake, the local analyzers, then the vision-language provider when
 * one is configured, fused so measured facts keep colour, light and size.
 */
final class AnalysisPipeline implements AutoCloseable {

  static final String NO_PROVIDER_NOTE =
      "no vision-language provider configured: the local engine ran alone (see --provider)";

  private final ImageIntake intake;
  private final NeuralAnalyzers neural;
  private final ImageAnalyzer analyzer;
  private final VisionProvider provider;

  /**
   * @param neural loaded neural analyzers or null; the pipeline closes them
   */
  AnalysisPipeline(IntakeLimits limits, NeuralAnalyzers neural, VisionProvider provider) {
    this.intake = new ImageIntake(limits);
    this.neural = neural;
    this.analyzer = new ImageAnalyzer(limits, neural);
    this.provider = provider;
  }

  @Override
  public void close() {
    if (neural != null) {
      neural.close();
    }
  }

  /**
   * Analyses one file.
   *
   * @throws io.promptlens.providers.ProviderException when the provider call fails
   */
  ImageAnalysis analyze(Path file) throws ImageRejectedException, IOException {
    return analyze(intake.decode(file));
  }

  /** Analyses bytes already read (bounded by the caller); see {@link #analyze(Path)}. */
  ImageAnalysis analyze(byte[] bytes) throws ImageRejectedException {
    return analyze(intake.decode(bytes));
  }

  private ImageAnalysis analyze(DecodedImage image) {
    ImageAnalysis measured = analyzer.analyze(image);
    if (provider == null) {
      return measured.withNote(NO_PROVIDER_NOTE);
    }
    // Only the decoded pixels leave the process, downscaled and re-encoded without metadata.
    var described = provider.describe(PreparedImage.of(image.pixels()), Cancellation.create());
    return Fusion.fuse(measured, described);
  }
}
