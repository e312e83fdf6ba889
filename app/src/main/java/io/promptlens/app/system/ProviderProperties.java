package io.promptlens.app.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The optional vision-language provider ({@code promptlens.provider.*}), as the CLI's {@code
 * --provider/--model/--base-url}. Keys come from the conventional environment variables
 * (OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY), never from a properties file.
 *
 * @param kind openai, anthropic, gemini, ollama or openai-compatible; unset runs the local engine
 * @param model the provider's model id; unset takes the provider's documented default
 * @param baseUrl the provider's address; required for openai-compatible
 * @param catalog a file laid over the built-in model catalog (defaults, prices, retirement dates),
 *     as {@code PROMPTLENS_PROVIDER_CATALOG} for the CLI; unset uses the built-in one
 */
@ConfigurationProperties("promptlens.provider")
public record ProviderProperties(String kind, String model, String baseUrl, String catalog) {}
