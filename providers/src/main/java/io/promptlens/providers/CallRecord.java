package io.promptlens.providers;

import org.jspecify.annotations.Nullable;

/**
 * What one describe call took, summed over its HTTP requests (retries and the repair request
 * included), so a caller can log, bill or show it.
 *
 * @param provider the provider name ("openai")
 * @param model the model id as configured
 * @param latencyMs wall time from the first request to the parsed answer, waits included
 * @param inputTokens prompt tokens as the API reported them (image included); null if it did not
 * @param outputTokens generated tokens as the API reported them (Gemini's thinking tokens included,
 *     as they are billed as output); null if it did not
 * @param estimatedCostUsd tokens times the {@link ProviderCatalog} list price; null for an unknown
 *     model or missing token counts, 0 for local Ollama
 * @param requests HTTP requests sent (1 when the first one succeeded)
 * @param repaired whether the answer needed the one repair request
 */
public record CallRecord(
    String provider,
    String model,
    long latencyMs,
    @Nullable Integer inputTokens,
    @Nullable Integer outputTokens,
    @Nullable Double estimatedCostUsd,
    int requests,
    boolean repaired) {

  /** One line for logs and provenance: no key, no image, no prompt text. */
  public String summary() {
    StringBuilder text = new StringBuilder();
    text.append(latencyMs).append(" ms");
    if (inputTokens != null || outputTokens != null) {
      text.append(", tokens ")
          .append(inputTokens == null ? "?" : inputTokens)
          .append(" in / ")
          .append(outputTokens == null ? "?" : outputTokens)
          .append(" out");
    }
    if (estimatedCostUsd != null) {
      text.append(String.format(java.util.Locale.ROOT, ", est. $%.5f", estimatedCostUsd));
    }
    if (requests > 1) {
      text.append(", ").append(requests).append(" requests");
    }
    if (repaired) {
      text.append(", repaired");
    }
    return text.toString();
  }
}
