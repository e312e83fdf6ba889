package io.promptlens.app.generations;

import io.promptlens.app.analyses.SafetyCheck;
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
 *
 * @param blurred the safety check blurred its image (a marked image in a workspace that blurs): its
 *     thumbnail, if kept, was blurred before it was stored, and clients are told to blur
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
    Instant createdAt,
    boolean blurred) {

  public Generation {
    parameters = Map.copyOf(parameters);
    warnings = List.copyOf(warnings);
  }

  /**
   * The same generation with the safety check's decision applied: its warning (if any) put first,
   * and blurred when it says so.
   */
  Generation withSafety(SafetyCheck.Decision decision) {
    List<String> all = new java.util.ArrayList<>(warnings.size() + 1);
    decision.warningText().ifPresent(all::add);
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
        createdAt,
        blurred || decision.blur());
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
        createdAt,
        false);
  }
}
