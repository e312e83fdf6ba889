package io.promptlens.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.promptlens.providers.LoopbackStub;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code providers list} and {@code providers check} against a loopback stub of each provider's
 * model list: yes for a listed model, the problem named for a retired or unknown one.
 */
class ProvidersCommandTest {

  static final String KEY = "sk-cli-0123456789";

  @RegisterExtension static WireMockExtension stub = LoopbackStub.extension();

  static void on(String day, Map<String, String> env) {
    ProvidersCommand.environment = () -> env;
    ProvidersCommand.clock = () -> Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC);
  }

  @AfterEach
  void restore() {
    ProvidersCommand.environment = System::getenv;
    ProvidersCommand.clock = Clock::systemUTC;
  }

  @Test
  void listShowsEachProvidersDefaultModelAndWhetherItsKeyIsSet() {
    on("2026-12-05", Map.of("OPENAI_API_KEY", KEY));

    CliFixtures.Run run = CliFixtures.run("providers", "list");

    assertThat(run.exitCode()).isEqualTo(PromptLensCli.OK);
    assertThat(run.out())
        .containsPattern("openai +gpt-6-luna +OPENAI_API_KEY set")
        .containsPattern("anthropic +claude-haiku-5-5 +ANTHROPIC_API_KEY missing")
        .containsPattern("gemini +gemini-3.5-flash-lite +GEMINI_API_KEY missing")
        .containsPattern("ollama +qwen2.5vl +OLLAMA_API_KEY not set \\(optional\\)")
        .containsPattern("openai-compatible +\\(--model required\\)")
        .doesNotContain(KEY)
        .doesNotContain("warning");
  }

  @Test
  void checkSaysYesForAListedOpenAiModel() {
    on("2026-12-05", Map.of("OPENAI_API_KEY", KEY));
    stub.stubFor(
        get(urlEqualTo("/v1/models"))
            .willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-6-luna\"}]}")));

    CliFixtures.Run run =
        CliFixtures.run(
            "providers", "check", "--provider", "openai", "--base-url", stub.baseUrl() + "/v1");

    assertThat(run.exitCode()).isEqualTo(PromptLensCli.OK);
    assertThat(run.out().strip())
        .isEqualTo("ok               openai: the key works and model 'gpt-6-luna' is available");
    stub.verify(
        1,
        getRequestedFor(urlEqualTo("/v1/models"))
            .withHeader("Authorization", equalTo("Bearer " + KEY)));
  }

  @Test
  void checkNamesAnUnknownAnthropicModel() {
    on("2026-12-05", Map.of("ANTHROPIC_API_KEY", KEY));
    stub.stubFor(
        get(urlEqualTo("/v1/models?limit=1000"))
            .willReturn(okJson("{\"data\":[{\"type\":\"model\",\"id\":\"claude-haiku-5-5\"}]}")));

    CliFixtures.Run run =
        CliFixtures.run(
            "providers",
            "check",
            "--provider",
            "anthropic",
            "--model",
            "claude-haiku-9",
            "--base-url",
            stub.baseUrl());

    assertThat(run.exitCode()).isEqualTo(PromptLensCli.INPUT_FAILED);
    assertThat(run.out())
        .startsWith("model-not-listed")
        .contains("model 'claude-haiku-9' is not among the 1 models listed");
  }

  @Test
  void checkNamesARetiredGeminiModelAndItsReplacement() {
    on("2026-12-05", Map.of("GEMINI_API_KEY", KEY));
    stub.stubFor(
        get(urlEqualTo("/v1beta/models?pageSize=1000"))
            .willReturn(
                okJson(
                    "{\"models\":[{\"name\":\"models/gemini-2.5-flash\"},"
                        + "{\"name\":\"models/gemini-3.5-flash-lite\"}]}")));

    CliFixtures.Run run =
        CliFixtures.run(
            "providers",
            "check",
            "--provider",
            "gemini",
            "--model",
            "gemini-2.5-flash",
            "--base-url",
            stub.baseUrl());

    assertThat(run.exitCode()).isEqualTo(PromptLensCli.INPUT_FAILED);
    assertThat(run.out())
        .startsWith("retired")
        .contains("retired on 2026-06-17; use --model gemini-3.5-flash-lite");
  }

  @Test
  void checkWithoutAProviderChecksOllamaAtOllamaHost() {
    on("2026-12-05", Map.of("OLLAMA_HOST", stub.baseUrl()));
    stub.stubFor(
        get(urlEqualTo("/api/tags"))
            .willReturn(okJson("{\"models\":[{\"name\":\"qwen2.5vl:latest\"}]}")));

    CliFixtures.Run run = CliFixtures.run("providers", "check");

    assertThat(run.exitCode()).isEqualTo(PromptLensCli.OK);
    assertThat(run.out()).startsWith("ok").contains("model 'qwen2.5vl' is available");
  }

  @Test
  void checkSaysWhenTheKeyIsRejected() {
    on("2026-12-05", Map.of("OPENAI_API_KEY", KEY));
    stub.stubFor(
        get(urlEqualTo("/v1/models"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"Incorrect API key " + KEY + "\"}}")));

    CliFixtures.Run run =
        CliFixtures.run(
            "providers", "check", "--provider", "openai", "--base-url", stub.baseUrl() + "/v1");

    assertThat(run.exitCode()).isEqualTo(PromptLensCli.INPUT_FAILED);
    assertThat(run.out())
        .startsWith("key-rejected")
        .contains("openai: authentication failed (401): check OPENAI_API_KEY")
        .doesNotContain(KEY);
  }

  @Test
  void checkWithoutAKeyNamesTheVariableAndCallsNothing() {
    on("2026-12-05", Map.of());

    CliFixtures.Run run = CliFixtures.run("providers", "check", "--provider", "gemini");

    assertThat(run.exitCode()).isEqualTo(PromptLensCli.INPUT_FAILED);
    assertThat(run.out()).startsWith("no-key").contains("set GEMINI_API_KEY");
  }

  @Test
  void checkWithNothingSetUpSaysHowToSetItUp() {
    on("2026-12-05", Map.of());

    CliFixtures.Run run = CliFixtures.run("providers", "check");

    assertThat(run.exitCode()).isEqualTo(PromptLensCli.INPUT_FAILED);
    assertThat(run.err()).contains("no provider is set up");
  }
}
