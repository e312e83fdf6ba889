package io.promptlens.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.promptlens.providers.ProviderException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Ollama /api/chat: no key, stream false, images as plain base64, format as the JSON schema. */
class OllamaProviderTest extends ProviderContractTest {

  @RegisterExtension static WireMockExtension server = LoopbackStub.extension();

  OllamaProviderTest() {
    super(server, ProviderKind.OLLAMA, "/api/chat");
  }

  @Override
  String apiKey() {
    return null;
  }

  @Override
  String expectedAuthHint() {
    return "the server at " + baseUrl() + " wants a key: set OLLAMA_API_KEY";
  }

  @Override
  String reply(String answer) {
    return StubAnswers.ollamaChat(model(), answer);
  }

  @Override
  void assertRequestShape(JsonNode body, LoggedRequest request) {
    assertThat(request.containsHeader("Authorization")).isFalse();
    assertThat(body.path("model").asString()).isEqualTo("qwen2.5vl");
    assertThat(body.path("stream").asBoolean(true)).isFalse();
    JsonNode user = body.path("messages").path(1);
    assertThat(user.path("role").asString()).isEqualTo("user");
    assertThat(user.path("content").asString()).contains("JSON");
    assertThat(user.path("images").size()).isEqualTo(1);
    assertThat(user.path("images").path(0).asString()).startsWith("/9j/");
    assertThat(body.path("format").path("type").asString()).isEqualTo("object");
    assertThat(body.path("format").path("properties").has("visible_text")).isTrue();
  }

  @Override
  String sentImage(JsonNode body) {
    return body.path("messages").path(1).path("images").path(0).asString();
  }

  @Override
  Double expectedCost() {
    return 0.0;
  }

  @Test
  void aModelThatWasNotPulledIsNamed() {
    stub(error(404, "{\"error\":\"model 'qwen2.5vl' not found\"}"));

    ProviderException failure = failureOf(provider());

    assertThat(failure.reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(failure.getMessage())
        .isEqualTo(
            "ollama: not found (404): check the model 'qwen2.5vl' and the base URL "
                + baseUrl()
                + ": model 'qwen2.5vl' not found");
  }

  @Test
  void aLocalCallCostsZeroEvenWhenTheServerReportsNoTokenCounts() {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", model());
    root.putObject("message").put("role", "assistant").put("content", FOX);
    root.put("done_reason", "stop").put("done", true);
    stub(okJson(root.toString()));

    CallRecord call = describe(provider()).call();

    assertThat(call.inputTokens()).isNull();
    assertThat(call.estimatedCostUsd()).isEqualTo(0.0);
  }
}
