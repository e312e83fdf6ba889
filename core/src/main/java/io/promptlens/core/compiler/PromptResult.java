package io.promptlens.core.compiler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A compiled prompt.
 *
 * @param target the target's id
 * @param mode what the prompt is for
 * @param prompt the prompt text, with the target's inline parameters where it takes them
 * @param negativePrompt null when the target has none or it was switched off
 * @param parameters structured target parameters in a stable order (also rendered into {@code
 *     prompt} where the target's syntax puts them there, as Midjourney's {@code --ar})
 * @param warnings what the compiler had to leave out or guess, one sentence each
 * @param tokens the prompt's length in tokens: real CLIP BPE tokens for CLIP targets, the
 *     documented estimate of {@code TokenEstimator} otherwise
 * @param anatomy each phrase of {@code prompt} with the analysis field it came from
 */
public record PromptResult(
    String target,
    Mode mode,
    String prompt,
    @Nullable String negativePrompt,
    Map<String, Object> parameters,
    List<String> warnings,
    int tokens,
    List<PhraseSpan> anatomy) {

  public PromptResult {
    // Insertion order is kept so JSON output is byte-for-byte stable across runs (Map.copyOf's
    // iteration order changes from one JVM start to the next).
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    warnings = List.copyOf(warnings);
    anatomy = anatomy == null ? List.of() : List.copyOf(anatomy);
  }

  /** A result without anatomy, as the first release built them. */
  public PromptResult(
      String target,
      Mode mode,
      String prompt,
      String negativePrompt,
      Map<String, Object> parameters,
      List<String> warnings,
      int tokens) {
    this(target, mode, prompt, negativePrompt, parameters, warnings, tokens, List.of());
  }
}
