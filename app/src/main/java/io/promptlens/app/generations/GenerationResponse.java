package io.promptlens.app.generations;

import io.promptlens.app.analyses.StoredAnalysis;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.ImageFormat;
import io.promptlens.core.analysis.Orientation;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The API's view of a generation: the prompt and what it was made from, plus enough of the analysis
 * (size, palette, notes) for a client to show it without a second request.
 */
record GenerationResponse(
    UUID id,
    UUID analysisId,
    String target,
    Mode mode,
    String prompt,
    @Nullable String negativePrompt,
    Map<String, Object> parameters,
    List<String> warnings,
    int tokens,
    Controls controls,
    Instant createdAt,
    AnalysisSummary analysis) {

  static GenerationResponse of(Generation generation, StoredAnalysis stored) {
    return new GenerationResponse(
        generation.id(),
        generation.analysisId(),
        generation.target(),
        generation.mode(),
        generation.prompt(),
        generation.negativePrompt(),
        generation.parameters(),
        generation.warnings(),
        generation.tokens(),
        generation.controls(),
        generation.createdAt(),
        AnalysisSummary.of(stored));
  }

  /** The parts of an analysis a prompt page shows next to the prompt. */
  record AnalysisSummary(
      UUID id,
      int width,
      int height,
      ImageFormat format,
      Orientation orientation,
      String aspectRatio,
      List<PaletteColor> palette,
      List<String> notes) {

    static AnalysisSummary of(StoredAnalysis stored) {
      ImageAnalysis analysis = stored.analysis();
      return new AnalysisSummary(
          stored.id(),
          analysis.image().width(),
          analysis.image().height(),
          analysis.image().format(),
          analysis.image().orientation(),
          analysis.image().aspectRatio(),
          analysis.color().palette(),
          analysis.notes());
    }
  }
}
