package io.promptlens.providers;

/**
 * The one place providers are made: validates nothing more than {@link ProviderConfig} already has,
 * and picks the wire format for the kind.
 */
public final class Providers {

  private Providers() {}

  /** A provider for the config; cheap, holds one HTTP client, reusable and thread-safe. */
  public static VisionProvider create(ProviderConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config is required");
    }
    return switch (config.kind()) {
      case OPENAI, OPENAI_COMPATIBLE -> new OpenAiProvider(config);
      case ANTHROPIC -> new AnthropicProvider(config);
      case GEMINI -> new GeminiProvider(config);
      case OLLAMA -> new OllamaProvider(config);
    };
  }
}
