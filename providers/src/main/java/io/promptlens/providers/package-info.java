/**
 * Vision-language providers (OpenAI, Anthropic, Gemini, Ollama, OpenAI-compatible servers) that add
 * open-vocabulary content to an analysis. Empty until the providers issue; the module exists now so
 * the dependency direction (cli/app → providers → core) is fixed and tested from the start.
 */
package io.promptlens.providers;
