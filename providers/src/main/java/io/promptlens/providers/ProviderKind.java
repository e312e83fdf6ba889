package io.promptlens.providers;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The vision-language services PromptLens can ask, with each one's defaults. The CLI and
 * configuration value is {@link #toString()}: {@code openai}, {@code anthropic}, {@code gemini},
 * {@code ollama}, {@code openai-compatible}.
 *
 * <p>Default models (cheap, image input, structured output, not retiring soon) are data: {@link
 * ProviderCatalog} reads them from {@code providers.json}, with the sources and the day they were
 * checked. openai-compatible has none: the server decides what it serves, so {@code --model} and
 * {@code --base-url} are required.
 *
 * <p>The key of an OpenAI-compatible server comes from its own variable, never from {@code
 * OPENAI_API_KEY}, so an OpenAI key is not sent to another host by accident.
 */
public enum ProviderKind {
  OPENAI("openai", "https://api.openai.com/v1", "OPENAI_API_KEY", true, seconds(60)),
  ANTHROPIC("anthropic", "https://api.anthropic.com", "ANTHROPIC_API_KEY", true, seconds(60)),
  GEMINI(
      "gemini", "https://generativelanguage.googleapis.com", "GEMINI_API_KEY", true, seconds(60)),
  /** Local models are slower, above all on a CPU, so the default timeout is longer. */
  OLLAMA("ollama", "http://127.0.0.1:11434", "OLLAMA_API_KEY", false, seconds(180)),
  OPENAI_COMPATIBLE("openai-compatible", null, "OPENAI_COMPATIBLE_API_KEY", false, seconds(180));

  private final String wire;
  private final @Nullable String defaultBaseUrl;
  private final String keyVariable;
  private final boolean keyRequired;
  private final Duration defaultTimeout;

  ProviderKind(
      String wire,
      @Nullable String defaultBaseUrl,
      String keyVariable,
      boolean keyRequired,
      Duration defaultTimeout) {
    this.wire = wire;
    this.defaultBaseUrl = defaultBaseUrl;
    this.keyVariable = keyVariable;
    this.keyRequired = keyRequired;
    this.defaultTimeout = defaultTimeout;
  }

  /** Parses a CLI or configuration value case-insensitively; the message lists the valid ones. */
  public static ProviderKind parse(String value) {
    String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (ProviderKind kind : values()) {
      if (kind.wire.equals(wanted)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown provider '"
            + value
            + "' (expected openai, anthropic, gemini, ollama or openai-compatible)");
  }

  /** The built-in catalog's model used when none is given; null when the user must name one. */
  public @Nullable String defaultModel() {
    return ProviderCatalog.builtIn().defaultModel(this);
  }

  /** The service's address when none is given; null when the user must give one. */
  public @Nullable URI defaultBaseUrl() {
    return defaultBaseUrl == null ? null : URI.create(defaultBaseUrl);
  }

  /** The environment variable the API key is read from. */
  public String keyVariable() {
    return keyVariable;
  }

  /** Whether a call without a key is refused before anything is sent. */
  public boolean keyRequired() {
    return keyRequired;
  }

  public Duration defaultTimeout() {
    return defaultTimeout;
  }

  @Override
  public String toString() {
    return wire;
  }

  private static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }
}
