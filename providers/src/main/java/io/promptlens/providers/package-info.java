/**
 * Vision-language providers (OpenAI, Anthropic, Gemini, Ollama, OpenAI-compatible servers) that add
 * open-vocabulary content to an analysis, and {@link io.promptlens.providers.Fusion} that merges it
 * with the measured facts. Entry points: {@link io.promptlens.providers.ProviderConfig}, {@link
 * io.promptlens.providers.Providers#create}, {@link io.promptlens.providers.VisionProvider}, {@link
 * io.promptlens.providers.PreparedImage}. Wire formats and HTTP rules are package-private. Depends
 * on core only; see README.md in this module for the library decision.
 */
package io.promptlens.providers;
