package io.promptlens.providers;

import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The Markdown tables the READMEs show, written from {@link ProviderCatalog} so the documentation
 * cannot drift from the data: {@code ProviderTableTest} fails when a README's block differs and
 * rewrites it when run with {@code -Dproviders.table.write=true}.
 */
final class ProviderTable {

  static final String DEFAULTS_BEGIN =
      "<!-- provider-defaults:begin (generated from providers.json) -->";
  static final String DEFAULTS_END = "<!-- provider-defaults:end -->";
  static final String MODELS_BEGIN =
      "<!-- provider-models:begin (generated from providers.json) -->";
  static final String MODELS_END = "<!-- provider-models:end -->";

  private ProviderTable() {}

  /** One row per provider: default model, its price and context, key variable, checked date. */
  static String defaults(ProviderCatalog catalog) {
    StringBuilder table = new StringBuilder();
    table.append(
        "| provider | default model | $ per 1M tokens in / out | context | key | checked |\n");
    table.append("|---|---|---|---|---|---|\n");
    for (ProviderCatalog.Provider provider : catalog.providers()) {
      ProviderKind kind = provider.kind();
      String id = provider.defaultModel();
      ProviderCatalog.Model model = id == null ? null : catalog.model(kind, id).orElse(null);
      table
          .append("| ")
          .append(kind)
          .append(" | ")
          .append(id == null ? "required (`--model`)" : "`" + id + "`")
          .append(" | ")
          .append(model == null ? "—" : price(model))
          .append(" | ")
          .append(model == null ? "—" : context(model.contextTokens()))
          .append(" | `")
          .append(kind.keyVariable())
          .append("`")
          .append(kind.keyRequired() ? "" : " (optional)")
          .append(" | ")
          .append(provider.checked())
          .append(" |\n");
    }
    return table.toString();
  }

  /** Every known model: price, context, retirement and replacement, structured outputs. */
  static String models(ProviderCatalog catalog) {
    StringBuilder table = new StringBuilder();
    table.append(
        "| provider | model | $ per 1M tokens in / out | context | retires | use instead |"
            + " structured outputs |\n");
    table.append("|---|---|---|---|---|---|---|\n");
    for (ProviderCatalog.Provider provider : catalog.providers()) {
      for (ProviderCatalog.Model model : provider.models()) {
        table
            .append("| ")
            .append(provider.kind())
            .append(" | `")
            .append(model.id())
            .append("`")
            .append(model.id().equals(provider.defaultModel()) ? " (default)" : "")
            .append(" | ")
            .append(price(model))
            .append(" | ")
            .append(context(model.contextTokens()))
            .append(" | ")
            .append(model.retires() == null ? "—" : model.retires().toString())
            .append(" | ")
            .append(model.replacement() == null ? "—" : "`" + model.replacement() + "`")
            .append(" | ")
            .append(model.structuredOutputs() ? "yes" : "no (forced tool)")
            .append(" |\n");
      }
    }
    table.append("\nSources, checked on the date each provider records:");
    for (ProviderCatalog.Provider provider : catalog.providers()) {
      table
          .append("\n- ")
          .append(provider.kind())
          .append(" (")
          .append(provider.checked())
          .append("):");
      provider.sources().forEach(url -> table.append(" <").append(url).append(">"));
    }
    return table.append("\n").toString();
  }

  /** The text with the block between {@code begin} and {@code end} replaced by {@code body}. */
  static String replaceBlock(String text, String begin, String end, String body) {
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("markers missing: " + begin + " ... " + end);
    }
    return text.substring(0, from + begin.length()) + "\n" + body + text.substring(to);
  }

  private static String price(ProviderCatalog.Model model) {
    if (model.inputPerMillion() == null || model.outputPerMillion() == null) {
      return "—";
    }
    if (model.inputPerMillion() == 0 && model.outputPerMillion() == 0) {
      return "0 (local)";
    }
    return "$" + plain(model.inputPerMillion()) + " / $" + plain(model.outputPerMillion());
  }

  private static String plain(double value) {
    String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    return text.contains(".") && text.indexOf('.') == text.length() - 2 ? text + "0" : text;
  }

  private static String context(@Nullable Integer tokens) {
    if (tokens == null) {
      return "—";
    }
    if (tokens >= 1_000_000) {
      return String.format(Locale.ROOT, "%.2fM", tokens / 1_000_000.0).replace(".00M", "M");
    }
    return tokens / 1000 + "K";
  }
}
