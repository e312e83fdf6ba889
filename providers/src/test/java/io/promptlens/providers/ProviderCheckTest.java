package io.promptlens.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.promptlens.providers.ProviderCheck.Outcome;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One model-list call per provider against a loopback stub in each service's documented shape: the
 * path, the auth headers, a listed model, an unknown one, a retired one, a rejected key.
 */
class ProviderCheckTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
  static final String KEY = "sk-check-0123456789";

  @RegisterExtension static WireMockExtension server = LoopbackStub.extension();

  static final String OPENAI_MODELS =
      "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-6-luna\",\"object\":\"model\","
          + "\"created\":1758499200,\"owned_by\":\"system\"},{\"id\":\"gpt-5-mini\","
          + "\"object\":\"model\",\"created\":1754524800,\"owned_by\":\"system\"}]}";

  static final String ANTHROPIC_MODELS =
      "{\"data\":[{\"type\":\"model\",\"id\":\"claude-haiku-5-5\",\"display_name\":\"Claude Haiku"
          + " 5.5\",\"created_at\":\"2026-10-07T00:00:00Z\"},{\"type\":\"model\",\"id\":"
          + "\"claude-haiku-4-5-20251001\",\"display_name\":\"Claude Haiku 4.5\",\"created_at\":"
          + "\"2025-10-15T00:00:00Z\"}],\"has_more\":false,\"first_id\":\"claude-haiku-5-5\","
          + "\"last_id\":\"claude-haiku-4-5-20251001\"}";

  static final String GEMINI_MODELS =
      "{\"models\":[{\"name\":\"models/gemini-3.5-flash-lite\",\"version\":\"001\","
          + "\"displayName\":\"Gemini 3.5 Flash-Lite\",\"inputTokenLimit\":1048576,"
          + "\"supportedGenerationMethods\":[\"generateContent\",\"countTokens\"]}]}";

  static final String OLLAMA_TAGS =
      "{\"models\":[{\"name\":\"qwen2.5vl:latest\",\"model\":\"qwen2.5vl:latest\","
          + "\"modified_at\":\"2026-11-01T10:00:00Z\",\"size\":6000000000}]}";

  ProviderConfig config(ProviderKind kind, String model, String base) {
    return new ProviderConfig(kind, model, URI.create(base), KEY, Duration.ofSeconds(5), 2);
  }

  @Test
  void openAiListsTheDefaultModelWithABearerKey() {
    server.stubFor(get(urlEqualTo("/v1/models")).willReturn(okJson(OPENAI_MODELS)));

    ProviderCheck.Result result =
        ProviderCheck.run(config(ProviderKind.OPENAI, null, server.baseUrl() + "/v1"), TODAY);

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(result.message())
        .isEqualTo("openai: the key works and model 'gpt-6-luna' is available");
    server.verify(
        1,
        getRequestedFor(urlEqualTo("/v1/models"))
            .withHeader("Authorization", equalTo("Bearer " + KEY)));
  }

  @Test
  void anUnknownModelIsNamedAsNotListed() {
    server.stubFor(get(urlEqualTo("/v1/models")).willReturn(okJson(OPENAI_MODELS)));

    ProviderCheck.Result result =
        ProviderCheck.run(
            config(ProviderKind.OPENAI, "gpt-9-mega", server.baseUrl() + "/v1"), TODAY);

    assertThat(result.outcome()).isEqualTo(Outcome.MODEL_NOT_LISTED);
    assertThat(result.message())
        .isEqualTo(
            "openai: the key works, but model 'gpt-9-mega' is not among the 2 models listed;"
                + " check --model");
  }

  @Test
  void aRetiredModelIsReportedWithItsReplacementEvenWhileStillListed() {
    server.stubFor(get(urlEqualTo("/v1/models")).willReturn(okJson(OPENAI_MODELS)));

    ProviderCheck.Result result =
        ProviderCheck.run(
            config(ProviderKind.OPENAI, "gpt-5-mini", server.baseUrl() + "/v1"),
            LocalDate.of(2026, 12, 11));

    assertThat(result.outcome()).isEqualTo(Outcome.RETIRED);
    assertThat(result.message()).contains("retired on 2026-12-11; use --model gpt-6.1-terra");
  }

  @Test
  void aRejectedKeyIsOneLineWithoutTheKeyAndNotRetried() {
    server.stubFor(
        get(urlEqualTo("/v1/models"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}")));

    ProviderCheck.Result result =
        ProviderCheck.run(config(ProviderKind.OPENAI, null, server.baseUrl() + "/v1"), TODAY);

    assertThat(result.outcome()).isEqualTo(Outcome.KEY_REJECTED);
    assertThat(result.message())
        .isEqualTo("openai: authentication failed (401): check OPENAI_API_KEY")
        .doesNotContain(KEY);
    server.verify(1, getRequestedFor(urlEqualTo("/v1/models")));
  }

  @Test
  void anthropicListsWithTheKeyAndVersionHeadersAndAnAliasMatchesItsSnapshot() {
    server.stubFor(get(urlEqualTo("/v1/models?limit=1000")).willReturn(okJson(ANTHROPIC_MODELS)));

    ProviderCheck.Result latest =
        ProviderCheck.run(config(ProviderKind.ANTHROPIC, null, server.baseUrl()), TODAY);
    ProviderCheck.Result alias =
        ProviderCheck.run(
            config(ProviderKind.ANTHROPIC, "claude-haiku-4-5", server.baseUrl()), TODAY);

    assertThat(latest.outcome()).isEqualTo(Outcome.OK);
    assertThat(alias.outcome()).isEqualTo(Outcome.OK);
    server.verify(
        getRequestedFor(urlEqualTo("/v1/models?limit=1000"))
            .withHeader("x-api-key", equalTo(KEY))
            .withHeader("anthropic-version", equalTo("2026-10-21")));
  }

  @Test
  void geminiListsWithTheKeyHeaderAndNamesARetiredDefaultOfOldConfigs() {
    server.stubFor(
        get(urlEqualTo("/v1beta/models?pageSize=1000")).willReturn(okJson(GEMINI_MODELS)));

    ProviderCheck.Result current =
        ProviderCheck.run(config(ProviderKind.GEMINI, null, server.baseUrl()), TODAY);
    ProviderCheck.Result retired =
        ProviderCheck.run(config(ProviderKind.GEMINI, "gemini-2.5-flash", server.baseUrl()), TODAY);

    assertThat(current.outcome()).isEqualTo(Outcome.OK);
    assertThat(retired.outcome()).isEqualTo(Outcome.RETIRED);
    assertThat(retired.message()).contains("use --model gemini-3.5-flash-lite");
    server.verify(
        getRequestedFor(urlEqualTo("/v1beta/models?pageSize=1000"))
            .withHeader("x-goog-api-key", equalTo(KEY)));
  }

  @Test
  void ollamaListsPulledModelsAndAnUntaggedNameMeansLatest() {
    server.stubFor(get(urlEqualTo("/api/tags")).willReturn(okJson(OLLAMA_TAGS)));

    ProviderCheck.Result pulled =
        ProviderCheck.run(config(ProviderKind.OLLAMA, null, server.baseUrl()), TODAY);
    ProviderCheck.Result missing =
        ProviderCheck.run(config(ProviderKind.OLLAMA, "gemma3", server.baseUrl()), TODAY);

    assertThat(pulled.outcome()).isEqualTo(Outcome.OK);
    assertThat(missing.outcome()).isEqualTo(Outcome.MODEL_NOT_LISTED);
    assertThat(missing.message()).contains("run `ollama pull gemma3`");
  }

  @Test
  void anUnreachableServerIsSaidSo() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    ProviderCheck.Result result =
        ProviderCheck.run(
            config(ProviderKind.OLLAMA, null, "http://127.0.0.1:" + closedPort), TODAY);

    assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
    assertThat(result.message()).startsWith("ollama: cannot connect to http://127.0.0.1:");
  }
}
