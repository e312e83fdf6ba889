package io.promptlens.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI-compatible server (vLLM, LM Studio, llama.cpp, OpenRouter): the OpenAI wire format at
 * its own base URL, with no key and so no Authorization header.
 */
class OpenAiCompatibleProviderTest extends ProviderContractTest {

  @RegisterExtension static WireMockExtension server = LoopbackStub.extension();

  OpenAiCompatibleProviderTest() {
    super(server, ProviderKind.OPENAI_COMPATIBLE, "/v1/chat/completions");
  }

  @Override
  String apiKey() {
    return null;
  }

  @Override
  String model() {
    return "Qwen/Qwen2.5-VL-7B-Instruct";
  }

  @Override
  String baseUrl() {
    return server.baseUrl() + "/v1";
  }

  @Override
  String expectedAuthHint() {
    return "the server at " + baseUrl() + " wants a key: set OPENAI_COMPATIBLE_API_KEY";
  }

  @Override
  String reply(String answer) {
    return OpenAiProviderTest.chatCompletion(model(), answer);
  }

  @Override
  void assertRequestShape(JsonNode body, LoggedRequest request) {
    assertThat(request.containsHeader("Authorization")).isFalse();
    assertThat(body.path("model").asString()).isEqualTo(model());
    assertThat(body.path("response_format").path("type").asString()).isEqualTo("json_schema");
    assertThat(body.path("messages").path(1).path("content").path(1).path("type").asString())
        .isEqualTo("image_url");
  }

  @Override
  String sentImage(JsonNode body) {
    return OpenAiProviderTest.dataUrlPayload(body);
  }

  @Override
  Double expectedCost() {
    return null;
  }

  @Test
  void theOpenAiKeyIsNeverSentToAnotherServer() {
    ProviderConfig config =
        ProviderConfig.fromEnvironment(
            ProviderKind.OPENAI_COMPATIBLE,
            "m",
            "http://127.0.0.1:8000/v1",
            Map.of("OPENAI_API_KEY", "sk-openai"));

    assertThat(config.apiKey()).isNull();
  }

  @Test
  void modelAndBaseUrlAreRequired() {
    assertThatThrownBy(
            () ->
                ProviderConfig.fromEnvironment(
                    ProviderKind.OPENAI_COMPATIBLE, null, "http://127.0.0.1:8000/v1", Map.of()))
        .hasMessage("openai-compatible: a model is required (--model)");
    assertThatThrownBy(
            () ->
                ProviderConfig.fromEnvironment(ProviderKind.OPENAI_COMPATIBLE, "m", null, Map.of()))
        .hasMessage("openai-compatible: a base URL is required (--base-url)");
  }
}
