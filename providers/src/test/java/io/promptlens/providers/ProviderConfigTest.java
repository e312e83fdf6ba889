package io.promptlens.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProviderConfigTest {

  @Test
  void keysComeFromTheConventionalVariables() {
    Map<String, String> env =
        Map.of(
            "OPENAI_API_KEY", "sk-o",
            "ANTHROPIC_API_KEY", "sk-a",
            "GEMINI_API_KEY", "g-key");

    assertThat(ProviderConfig.fromEnvironment(ProviderKind.OPENAI, null, null, env).apiKey())
        .isEqualTo("sk-o");
    assertThat(ProviderConfig.fromEnvironment(ProviderKind.ANTHROPIC, null, null, env).apiKey())
        .isEqualTo("sk-a");
    assertThat(ProviderConfig.fromEnvironment(ProviderKind.GEMINI, null, null, env).apiKey())
        .isEqualTo("g-key");
    assertThat(ProviderConfig.fromEnvironment(ProviderKind.OLLAMA, null, null, env).apiKey())
        .isNull();
  }

  @Test
  void defaultsAreFilledAndDocumented() {
    ProviderConfig config =
        ProviderConfig.fromEnvironment(
            ProviderKind.OPENAI, null, null, Map.of("OPENAI_API_KEY", "sk-o"));

    assertThat(config.model()).isEqualTo("gpt-6-luna");
    assertThat(config.baseUrl()).isEqualTo(URI.create("https://api.openai.com/v1"));
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.maxRetries()).isEqualTo(ProviderConfig.DEFAULT_MAX_RETRIES);
    assertThat(ProviderKind.OLLAMA.defaultTimeout()).isEqualTo(Duration.ofSeconds(180));
  }

  @Test
  void flagsOverrideDefaultsAndATrailingSlashIsDropped() {
    ProviderConfig config =
        ProviderConfig.fromEnvironment(
            ProviderKind.ANTHROPIC,
            " claude-sonnet-4-5 ",
            "http://127.0.0.1:9000/",
            Map.of("ANTHROPIC_API_KEY", "sk-a"));

    assertThat(config.model()).isEqualTo("claude-sonnet-4-5");
    assertThat(config.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9000"));
  }

  @Test
  void aMissingKeyIsOneClearLine() {
    assertThatThrownBy(
            () -> ProviderConfig.fromEnvironment(ProviderKind.GEMINI, null, null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gemini: no API key: set GEMINI_API_KEY");
  }

  @Test
  void toStringNeverShowsTheKey() {
    ProviderConfig config =
        ProviderConfig.fromEnvironment(
            ProviderKind.OPENAI, null, null, Map.of("OPENAI_API_KEY", "sk-secret-123"));

    assertThat(config.toString()).doesNotContain("sk-secret-123").contains("apiKey=***");
  }

  @Test
  void ollamaHostIsHonouredLikeTheOllamaCli() {
    assertThat(
            ProviderConfig.fromEnvironment(
                    ProviderKind.OLLAMA, null, null, Map.of("OLLAMA_HOST", "0.0.0.0:11434"))
                .baseUrl())
        .isEqualTo(URI.create("http://127.0.0.1:11434"));
    assertThat(
            ProviderConfig.fromEnvironment(
                    ProviderKind.OLLAMA, null, null, Map.of("OLLAMA_HOST", "gpu-box"))
                .baseUrl())
        .isEqualTo(URI.create("http://gpu-box:11434"));
    assertThat(ProviderConfig.fromEnvironment(ProviderKind.OLLAMA, null, null, Map.of()).baseUrl())
        .isEqualTo(URI.create("http://127.0.0.1:11434"));
  }

  @Test
  void invalidValuesAreRefused() {
    assertThatThrownBy(
            () -> ProviderConfig.fromEnvironment(ProviderKind.OLLAMA, null, "ftp://host", Map.of()))
        .hasMessage("ollama: base URL must be an http or https address: ftp://host");
    assertThatThrownBy(
            () -> new ProviderConfig(ProviderKind.OLLAMA, null, null, null, Duration.ZERO, 2))
        .hasMessageContaining("timeout must be positive");
    assertThatThrownBy(() -> new ProviderConfig(ProviderKind.OLLAMA, null, null, null, null, 11))
        .hasMessage("ollama: retries must be within 0..10: 11");
  }

  @ParameterizedTest
  @EnumSource(ProviderKind.class)
  void everyKindParsesFromItsWireName(ProviderKind kind) {
    assertThat(ProviderKind.parse(kind.toString())).isEqualTo(kind);
    assertThat(ProviderKind.parse(kind.toString().toUpperCase())).isEqualTo(kind);
  }

  @Test
  void anUnknownKindListsTheValidOnes() {
    assertThatThrownBy(() -> ProviderKind.parse("mistral"))
        .hasMessage(
            "unknown provider 'mistral' (expected openai, anthropic, gemini, ollama or"
                + " openai-compatible)");
  }

  @Test
  void geminiDefaultsToAModelThatIsStillServed() {
    ProviderConfig config =
        ProviderConfig.fromEnvironment(
            ProviderKind.GEMINI, null, null, Map.of("GEMINI_API_KEY", "g-key"));

    assertThat(config.model()).isEqualTo("gemini-3.5-flash-lite");
    assertThat(config.retirementWarning(java.time.LocalDate.of(2026, 12, 5))).isEmpty();
  }

  @Test
  void aRetiredModelGetsAWarningNamingTheReplacement() {
    ProviderConfig config =
        ProviderConfig.fromEnvironment(
            ProviderKind.OPENAI, "gpt-5-nano", null, Map.of("OPENAI_API_KEY", "sk-o"));

    assertThat(config.retirementWarning(java.time.LocalDate.of(2026, 12, 11)))
        .hasValueSatisfying(
            warning ->
                assertThat(warning)
                    .startsWith(
                        "openai: model 'gpt-5-nano' was retired on"
                            + " 2026-12-11; use --model gpt-6-luna"));
  }
}
