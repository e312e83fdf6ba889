package io.promptlens.app.analyses;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.providers.Cancellation;
import io.promptlens.providers.Fusion;
import io.promptlens.providers.PreparedImage;
import io.promptlens.providers.VisionProvider;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.intake.ImageIntake;
import io.promptlens.vision.intake.ImageRejectedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Bytes to analysis: intake, the local analyzers and, when {@code promptlens.provider.kind} is set,
 * the vision-language provider fused with the measured facts. Thread-safe.
 */
@Component
class AnalysisEngine {

  static final String NO_PROVIDER_NOTE =
      "no vision-language provider configured: the local engine ran alone"
          + " (set promptlens.provider.kind)";

  static final String PROVIDER_NOT_ENABLED_NOTE =
      "the vision-language provider is not enabled for this workspace (a workspace setting; never"
          + " for anonymous use): the local engine ran alone";

  private final ImageIntake intake;
  private final ImageAnalyzer analyzer;
  private final VisionProvider provider;

  AnalysisEngine(ImageAnalyzer analyzer, ObjectProvider<VisionProvider> provider) {
    this.intake = new ImageIntake(analyzer.limits());
    this.analyzer = analyzer;
    this.provider = provider.getIfAvailable();
  }

  long maxBytes() {
    return intake.limits().maxBytes();
  }

  /**
   * @throws io.promptlens.providers.ProviderException when the configured provider fails
   */
  ImageAnalysis analyze(byte[] bytes, boolean useProvider) throws ImageRejectedException {
    return analyzeDecoded(bytes, useProvider).analysis();
  }

  /**
   * The analysis and the decoded pixels it was made from (for a thumbnail; never stored as is).
   *
   * @param useProvider whether the caller's workspace enabled the vision-language provider: an
   *     image goes to one only then (never for the anonymous "try it" flow)
   */
  Analysed analyzeDecoded(byte[] bytes, boolean useProvider) throws ImageRejectedException {
    DecodedImage image = intake.decode(bytes);
    ImageAnalysis measured = analyzer.analyze(image);
    if (provider == null) {
      return new Analysed(measured.withNote(NO_PROVIDER_NOTE), image);
    }
    if (!useProvider) {
      return new Analysed(measured.withNote(PROVIDER_NOT_ENABLED_NOTE), image);
    }
    // Only decoded pixels leave the server: downscaled, re-encoded, without metadata.
    return new Analysed(
        Fusion.fuse(
            measured, provider.describe(PreparedImage.of(image.pixels()), Cancellation.create())),
        image);
  }

  boolean hasProvider() {
    return provider != null;
  }

  record Analysed(ImageAnalysis analysis, DecodedImage image) {}
}
