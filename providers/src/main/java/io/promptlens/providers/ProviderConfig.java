package io.promptlens.providers;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to call one provider. Plain data; the compact constructor fills the documented
 * defaults and validates, so a config that exists is usable. {@link #toString()} never shows the
 * key.
 *
 * @param kind which service
 * @param model the model id; null means {@link ProviderKind#defaultModel()}
 * @param baseUrl the service address; null means {@link ProviderKind#defaultBaseUrl()}. For
 *     OpenAI-style services it ends at the API version ({@code .../v1}), as in the official SDKs;
 *     for Anthropic, Gemini and Ollama it is the bare origin
 * @param apiKey the key; null or blank means none (refused for openai, anthropic and gemini)
 * @param timeout the longest one HTTP exchange may take; null means {@link
 *     ProviderKind#defaultTimeout()}
 * @param maxRetries retries after the first attempt on 429, 408 and 5xx, 0..10 (default {@value
 *     #DEFAULT_MAX_RETRIES})
 * @param catalog the default models, prices, retirement dates and capabilities; null means {@link
 *     ProviderCatalog#builtIn()}
 */
public record ProviderConfig(
    ProviderKind kind,
    String model,
    URI baseUrl,
    @Nullable String apiKey,
    Duration timeout,
    int maxRetries,
    ProviderCatalog catalog) {

  /** Two retries: three attempts in all, as the official SDKs do by default. */
  public static final int DEFAULT_MAX_RETRIES = 2;

  public ProviderConfig {
    if (kind == null) {
      throw new IllegalArgumentException("provider kind is required");
    }
    catalog = catalog == null ? ProviderCatalog.builtIn() : catalog;
    model = model == null || model.isBlank() ? catalog.defaultModel(kind) : model.strip();
    if (model == null) {
      throw new IllegalArgumentException(kind + ": a model is required (--model)");
    }
    baseUrl = baseUrl == null ? kind.defaultBaseUrl() : withoutTrailingSlash(baseUrl);
    if (baseUrl == null) {
      throw new IllegalArgumentException(kind + ": a base URL is required (--base-url)");
    }
    String scheme = baseUrl.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)
        || baseUrl.getHost() == null) {
      throw new IllegalArgumentException(
          kind + ": base URL must be an http or https address: " + baseUrl);
    }
    apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    if (apiKey == null && kind.keyRequired()) {
      throw new IllegalArgumentException(kind + ": no API key: set " + kind.keyVariable());
    }
    timeout = timeout == null ? kind.defaultTimeout() : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(kind + ": timeout must be positive: " + timeout);
    }
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException(kind + ": retries must be within 0..10: " + maxRetries);
    }
  }

  /** A config on the built-in catalog; a null model, base URL or timeout means the default. */
  // The compact constructor replaces each null (model, baseUrl, timeout, catalog) with its default
  // or refuses it, so the components are never null once built; a record cannot declare a
  // parameter nullable and its component not, hence the suppression here and on fromEnvironment.
  @SuppressWarnings("NullAway")
  public ProviderConfig(
      ProviderKind kind,
      @Nullable String model,
      @Nullable URI baseUrl,
      @Nullable String apiKey,
      @Nullable Duration timeout,
      int maxRetries) {
    this(kind, model, baseUrl, apiKey, timeout, maxRetries, null);
  }

  /**
   * Builds a config from CLI flags (each may be null for "default") and an environment map such as
   * {@code System.getenv()}: the key comes from {@link ProviderKind#keyVariable()}, the catalog
   * from {@link ProviderCatalog#fromEnvironment(Map)}; for Ollama an absent base URL is taken from
   * {@code OLLAMA_HOST} when set, read as Ollama reads it ({@link OllamaHost}).
   */
  @SuppressWarnings("NullAway") // nulls mean "default" here too: see the constructor above
  public static ProviderConfig fromEnvironment(
      ProviderKind kind,
      @Nullable String model,
      @Nullable String baseUrl,
      Map<String, String> env) {
    if (kind == null) {
      throw new IllegalArgumentException("provider kind is required");
    }
    URI url = parseUrl(kind, baseUrl);
    String ollamaHost = env.get("OLLAMA_HOST");
    if (url == null && kind == ProviderKind.OLLAMA && ollamaHost != null && !ollamaHost.isBlank()) {
      url = OllamaHost.parse(ollamaHost).clientUrl();
    }
    return new ProviderConfig(
        kind,
        model,
        url,
        env.get(kind.keyVariable()),
        null,
        DEFAULT_MAX_RETRIES,
        ProviderCatalog.fromEnvironment(env));
  }

  public ProviderConfig withTimeout(Duration newTimeout) {
    return new ProviderConfig(kind, model, baseUrl, apiKey, newTimeout, maxRetries, catalog);
  }

  public ProviderConfig withMaxRetries(int newMaxRetries) {
    return new ProviderConfig(kind, model, baseUrl, apiKey, timeout, newMaxRetries, catalog);
  }

  /**
   * A one-line warning, naming the replacement, when the model is past its retirement date on
   * {@code today}; the call is still made (a service may keep serving a model for a while), but the
   * user learns why it may fail or be billed as another model.
   */
  public java.util.Optional<String> retirementWarning(java.time.LocalDate today) {
    return catalog.retirementWarning(kind, model, today);
  }

  /** Shows every field except the key, which reads {@code ***} when set. */
  @Override
  public String toString() {
    return "ProviderConfig[kind="
        + kind
        + ", model="
        + model
        + ", baseUrl="
        + baseUrl
        + ", apiKey="
        + (apiKey == null ? "none" : "***")
        + ", timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + "]";
  }

  private static @Nullable URI parseUrl(ProviderKind kind, @Nullable String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      return new URI(url.strip());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(kind + ": not a valid base URL: " + url, e);
    }
  }

  private static URI withoutTrailingSlash(URI uri) {
    String text = uri.toString();
    if (!text.endsWith("/")) {
      return uri;
    }
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text);
  }
}
