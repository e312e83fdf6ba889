package io.promptlens.providers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What PromptLens knows about each provider's models, read from one data file ({@code
 * providers.json} next to this class): the default model, each known model's context size, list
 * price per million input and output tokens, retirement date and replacement, whether it takes
 * native structured outputs, and the sources with the day they were checked. Services retire models
 * and change prices faster than releases ship, so these facts are data a deployment can override
 * ({@link #withOverrides(Path)}) rather than code.
 *
 * <p>A model id matches a listed id exactly, as a dated snapshot of it ({@code
 * gpt-4.1-mini-2025-04-14}) or with Gemini's {@code models/} prefix; the longest match wins.
 * Immutable and thread-safe.
 */
public final class ProviderCatalog {

  /** The environment variable naming an override file in the data file's shape. */
  public static final String OVERRIDE_VARIABLE = "PROMPTLENS_PROVIDER_CATALOG";

  private static final String RESOURCE = "providers.json";
  private static final ProviderCatalog BUILT_IN = load();

  /** One model's facts; prices and context are null when unknown. */
  public record Model(
      String id,
      @Nullable Integer contextTokens,
      @Nullable Double inputPerMillion,
      @Nullable Double outputPerMillion,
      @Nullable LocalDate retires,
      @Nullable String replacement,
      boolean structuredOutputs) {

    /** Whether the service has stopped serving it by {@code today}. */
    public boolean retiredBy(LocalDate today) {
      return retires != null && !today.isBefore(retires);
    }
  }

  /** One provider's facts: its default model (null when the user must name one) and sources. */
  public record Provider(
      ProviderKind kind,
      @Nullable String defaultModel,
      LocalDate checked,
      List<String> sources,
      List<Model> models) {

    public Provider {
      sources = List.copyOf(sources);
      models = List.copyOf(models);
    }
  }

  private final Map<ProviderKind, Provider> providers;

  private ProviderCatalog(Map<ProviderKind, Provider> providers) {
    this.providers = Map.copyOf(providers);
  }

  /** The data file shipped with this module. */
  public static ProviderCatalog builtIn() {
    return BUILT_IN;
  }

  /**
   * The built-in catalog with the file named by {@value #OVERRIDE_VARIABLE} laid over it, or the
   * built-in one when the variable is unset.
   */
  public static ProviderCatalog fromEnvironment(Map<String, String> env) {
    String file = env.get(OVERRIDE_VARIABLE);
    return file == null || file.isBlank()
        ? BUILT_IN
        : BUILT_IN.withOverrides(Path.of(file.strip()));
  }

  /**
   * This catalog with an override file laid over it: a provider's {@code defaultModel}, {@code
   * checked} and {@code sources} replace ours when present, and its models replace ours by id or
   * are added.
   *
   * @throws IllegalArgumentException when the file cannot be read or is not in the documented shape
   */
  public ProviderCatalog withOverrides(Path file) {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = HttpJson.mapper().readTree(in);
    } catch (IOException | JacksonException e) {
      throw new IllegalArgumentException(
          "provider catalog " + file + " cannot be read: " + e.getMessage(), e);
    }
    Map<ProviderKind, Provider> merged = new EnumMap<>(ProviderKind.class);
    merged.putAll(providers);
    for (Map.Entry<String, JsonNode> entry : root.path("providers").properties()) {
      ProviderKind kind = ProviderKind.parse(entry.getKey());
      JsonNode node = entry.getValue();
      Provider base = merged.get(kind);
      if (base == null) {
        throw new IllegalStateException("the provider catalog has no entry for " + kind);
      }
      Map<String, Model> models = new LinkedHashMap<>();
      base.models().forEach(m -> models.put(m.id(), m));
      for (JsonNode model : node.path("models")) {
        Model parsed = model(model, file.toString());
        models.put(parsed.id(), parsed);
      }
      merged.put(
          kind,
          new Provider(
              kind,
              node.has("defaultModel") ? text(node.get("defaultModel")) : base.defaultModel(),
              node.has("checked") ? checked(node, file.toString()) : base.checked(),
              node.has("sources") ? strings(node.get("sources")) : base.sources(),
              new ArrayList<>(models.values())));
    }
    return new ProviderCatalog(merged);
  }

  public Provider provider(ProviderKind kind) {
    Provider provider = providers.get(kind);
    if (provider == null) {
      // load() refuses a catalog without an entry per kind and overrides only add to it.
      throw new IllegalStateException("the provider catalog has no entry for " + kind);
    }
    return provider;
  }

  /** Every provider, in {@link ProviderKind} order. */
  public List<Provider> providers() {
    return List.of(ProviderKind.values()).stream().map(this::provider).toList();
  }

  public @Nullable String defaultModel(ProviderKind kind) {
    return provider(kind).defaultModel();
  }

  /** The listed model a configured id refers to, if any. */
  public Optional<Model> model(ProviderKind kind, @Nullable String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    String bare = wanted.startsWith("models/") ? wanted.substring("models/".length()) : wanted;
    return provider(kind).models().stream()
        .filter(m -> bare.equals(m.id()) || bare.startsWith(m.id() + "-"))
        .max(Comparator.comparingInt(m -> m.id().length()));
  }

  /**
   * Whether to ask a model for the provider's native structured outputs. A model the catalog does
   * not list is assumed current, so it gets the documented way; only listed older models fall back.
   */
  public boolean structuredOutputs(ProviderKind kind, String id) {
    return model(kind, id).map(Model::structuredOutputs).orElse(true);
  }

  /**
   * A one-line warning when the model is past its retirement date on {@code today}, naming the
   * replacement; empty otherwise.
   */
  public Optional<String> retirementWarning(ProviderKind kind, String id, LocalDate today) {
    return model(kind, id)
        .filter(m -> m.retiredBy(today))
        .map(
            m ->
                kind
                    + ": model '"
                    + id
                    + "' was retired on "
                    + m.retires()
                    + (m.replacement() == null ? "" : "; use --model " + m.replacement())
                    + " (the service may refuse it or answer and bill as another model)");
  }

  /**
   * Estimated cost in US dollars at list price. Ollama runs locally and costs 0 whatever was
   * reported; otherwise null for a model without a price or a missing token count.
   */
  public @Nullable Double estimate(
      ProviderKind kind, String id, @Nullable Integer inputTokens, @Nullable Integer outputTokens) {
    if (kind == ProviderKind.OLLAMA) {
      return 0.0;
    }
    Optional<Model> model = model(kind, id);
    if (model.isEmpty()
        || model.get().inputPerMillion() == null
        || model.get().outputPerMillion() == null
        || inputTokens == null
        || outputTokens == null) {
      return null;
    }
    return (inputTokens * model.get().inputPerMillion()
            + outputTokens * model.get().outputPerMillion())
        / 1_000_000.0;
  }

  private static ProviderCatalog load() {
    try (InputStream in = ProviderCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the built-in " + RESOURCE + " is missing");
      }
      JsonNode root = HttpJson.mapper().readTree(in);
      Map<ProviderKind, Provider> providers = new EnumMap<>(ProviderKind.class);
      for (ProviderKind kind : ProviderKind.values()) {
        JsonNode node = root.path("providers").path(kind.toString());
        if (node.isMissingNode()) {
          throw new IllegalStateException(RESOURCE + " has no entry for " + kind);
        }
        List<Model> models = new ArrayList<>();
        node.path("models").forEach(m -> models.add(model(m, RESOURCE)));
        providers.put(
            kind,
            new Provider(
                kind,
                text(node.get("defaultModel")),
                checked(node, RESOURCE),
                strings(node.get("sources")),
                models));
      }
      return new ProviderCatalog(providers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Model model(JsonNode node, String where) {
    String id = text(node.get("id"));
    if (id == null) {
      throw new IllegalArgumentException(where + ": a model without an id");
    }
    return new Model(
        id.toLowerCase(Locale.ROOT),
        node.path("contextTokens").isNumber() ? node.get("contextTokens").asInt() : null,
        number(node.get("inputPerMillion")),
        number(node.get("outputPerMillion")),
        date(node.get("retires"), where),
        text(node.get("replacement")),
        node.path("structuredOutputs").asBoolean(true));
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    return node == null || node.isNull() || node.asString("").isBlank()
        ? null
        : node.asString().strip();
  }

  private static @Nullable Double number(@Nullable JsonNode node) {
    return node != null && node.isNumber() ? node.asDouble() : null;
  }

  /** The date a provider's facts were checked: required, so a table never shows a blank. */
  private static LocalDate checked(JsonNode provider, String where) {
    LocalDate checked = date(provider.get("checked"), where);
    if (checked == null) {
      throw new IllegalArgumentException(where + ": a provider needs a \"checked\" date");
    }
    return checked;
  }

  private static @Nullable LocalDate date(@Nullable JsonNode node, String where) {
    String text = text(node);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(where + ": not a date (YYYY-MM-DD): " + text, e);
    }
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null) {
      node.forEach(v -> values.add(v.asString()));
    }
    return values;
  }
}
