package io.promptlens.app.generations;

import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.PromptResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One compiled prompt as stored: what was asked (target, mode, controls), what came out, and the
 * analysis it was compiled from. Never the image.
 */
public record Generation(
    UUID id,
    UUID analysisId,
    String target,
    Mode mode,
    Controls controls,
    String prompt,
    @Nullable String negativePrompt,
    Map<String, Object> parameters,
    List<String> warnings,
    int tokens,
    Instant createdAt) {

  public Generation {
    parameters = Map.copyOf(parameters);
    warnings = List.copyOf(warnings);
  }

  /** The same generation with a warning of the app's (e.g. the safety check) put first. */
  Generation withWarning(String warning) {
    List<String> all = new java.util.ArrayList<>(warnings.size() + 1);
    all.add(warning);
    all.addAll(warnings);
    return new Generation(
        id,
        analysisId,
        target,
        mode,
        controls,
        prompt,
        negativePrompt,
        parameters,
        all,
        tokens,
        createdAt);
  }

  static Generation of(
      UUID id, UUID analysisId, Controls controls, PromptResult result, Instant createdAt) {
    return new Generation(
        id,
        analysisId,
        result.target(),
        result.mode(),
        controls,
        result.prompt(),
        result.negativePrompt(),
        result.parameters(),
        result.warnings(),
        result.tokens(),
        createdAt);
  }
}
