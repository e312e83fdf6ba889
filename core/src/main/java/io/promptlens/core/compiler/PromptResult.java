package io.promptlens.core.compiler;

import java.util.List;
import java.util.Map;

/**
 * A compiled prompt. {@code negativePrompt} is null when the target has none; {@code parameters}
 * holds structured target parameters (also rendered into {@code prompt} where the target's syntax
 * puts them there, as Midjourney's {@code --ar}); {@code tokens} is the length in the unit the
 * target counts.
 */
public record PromptResult(
    String target,
    Mode mode,
    String prompt,
    String negativePrompt,
    Map<String, Object> parameters,
    List<String> warnings,
    int tokens) {

  public PromptResult {
    // Insertion order is kept so JSON output is byte-for-byte stable across runs (Map.copyOf's
    // iteration order changes from one JVM start to the next).
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    warnings = List.copyOf(warnings);
  }
}
