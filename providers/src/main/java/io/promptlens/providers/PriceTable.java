package io.promptlens.providers;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * List prices in US dollars per million tokens, used to estimate what a call cost. Source: each
 * vendor's public pricing page (https://openai.com/api/pricing,
 * https://www.anthropic.com/pricing#api, https://ai.google.dev/gemini-api/docs/pricing) as of
 * {@value #AS_OF}, standard (not batch, not cached) rates, Gemini at the up-to-200k-token prompt
 * tier. Prices change: the estimate is a guide, never a bill. A model id matches the longest listed
 * prefix, so a dated snapshot ("gpt-4.1-mini-2025-04-14") costs what its alias does; a model not
 * listed has no estimate (null). Ollama runs locally and costs 0.
 */
final class PriceTable {

  /** When the prices below were taken from the vendors' pages. */
  static final String AS_OF = "2025-10";

  /** Price per million input and output tokens. */
  record Price(double inputPerMillion, double outputPerMillion) {}

  private static final Map<ProviderKind, Map<String, Price>> PRICES =
      Map.of(
          ProviderKind.OPENAI,
          Map.ofEntries(
              Map.entry("gpt-4o-mini", new Price(0.15, 0.60)),
              Map.entry("gpt-4o", new Price(2.50, 10.00)),
              Map.entry("gpt-4.1-nano", new Price(0.10, 0.40)),
              Map.entry("gpt-4.1-mini", new Price(0.40, 1.60)),
              Map.entry("gpt-4.1", new Price(2.00, 8.00)),
              Map.entry("gpt-5-nano", new Price(0.05, 0.40)),
              Map.entry("gpt-5-mini", new Price(0.25, 2.00)),
              Map.entry("gpt-5", new Price(1.25, 10.00))),
          ProviderKind.ANTHROPIC,
          Map.ofEntries(
              Map.entry("claude-haiku-4-5", new Price(1.00, 5.00)),
              Map.entry("claude-3-5-haiku", new Price(0.80, 4.00)),
              Map.entry("claude-sonnet-4-5", new Price(3.00, 15.00)),
              Map.entry("claude-sonnet-4", new Price(3.00, 15.00)),
              Map.entry("claude-3-7-sonnet", new Price(3.00, 15.00)),
              Map.entry("claude-opus-4-1", new Price(15.00, 75.00)),
              Map.entry("claude-opus-4", new Price(15.00, 75.00))),
          ProviderKind.GEMINI,
          Map.ofEntries(
              Map.entry("gemini-2.5-flash-lite", new Price(0.10, 0.40)),
              Map.entry("gemini-2.5-flash", new Price(0.30, 2.50)),
              Map.entry("gemini-2.5-pro", new Price(1.25, 10.00)),
              Map.entry("gemini-2.0-flash-lite", new Price(0.075, 0.30)),
              Map.entry("gemini-2.0-flash", new Price(0.10, 0.40))));

  private PriceTable() {}

  /** The list price of a model, or null when the table does not know it. */
  static Price price(ProviderKind kind, String model) {
    if (kind == ProviderKind.OLLAMA) {
      return new Price(0, 0);
    }
    Map<String, Price> prices = PRICES.get(kind);
    if (prices == null || model == null) {
      return null;
    }
    String id = model.strip().toLowerCase(Locale.ROOT);
    // Gemini ids may come as "models/gemini-2.5-flash".
    id = id.startsWith("models/") ? id.substring("models/".length()) : id;
    String wanted = id;
    List<String> matches =
        prices.keySet().stream()
            .filter(prefix -> wanted.equals(prefix) || wanted.startsWith(prefix + "-"))
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    return matches.isEmpty() ? null : prices.get(matches.get(0));
  }

  /** Estimated cost in US dollars, or null when the model or a token count is unknown. */
  static Double estimate(
      ProviderKind kind, String model, Integer inputTokens, Integer outputTokens) {
    Price price = price(kind, model);
    if (price == null || inputTokens == null || outputTokens == null) {
      return null;
    }
    return (inputTokens * price.inputPerMillion() + outputTokens * price.outputPerMillion())
        / 1_000_000.0;
  }
}
