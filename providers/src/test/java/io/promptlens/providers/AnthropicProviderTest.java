package io.promptlens.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic Messages: x-api-key and anthropic-version, base64 image block, forced tool use. */
class AnthropicProviderTest extends ProviderContractTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(
              wireMockConfig()
                  .dynamicPort()
                  .bindAddress("127.0.0.1")
                  .notifier(new ConsoleNotifier(false)))
          .build();

  @Override
  WireMockExtension server() {
    return server;
  }

  @Override
  ProviderKind kind() {
    return ProviderKind.ANTHROPIC;
  }

  @Override
  String path() {
    return "/v1/messages";
  }

  /** A JSON object answer comes as the forced tool's input; anything else as a text block. */
  @Override
  String reply(String answer) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "msg_01").put("type", "message").put("role", "assistant").put("model", model());
    var content = root.putArray("content");
    JsonNode parsed = null;
    try {
      parsed = JSON.readTree(answer);
    } catch (JacksonException e) {
      // Not JSON: answered as text.
    }
    if (parsed != null && parsed.isObject()) {
      content
          .addObject()
          .put("type", "tool_use")
          .put("id", "toolu_01")
          .put("name", "image_description")
          .set("input", parsed);
      root.put("stop_reason", "tool_use");
    } else {
      content.addObject().put("type", "text").put("text", answer);
      root.put("stop_reason", "max_tokens");
    }
    root.putNull("stop_sequence");
    root.putObject("usage").put("input_tokens", 1000).put("output_tokens", 50);
    return root.toString();
  }

  @Override
  void assertRequestShape(JsonNode body, LoggedRequest request) {
    assertThat(request.getHeader("x-api-key")).isEqualTo(KEY);
    assertThat(request.getHeader("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(request.containsHeader("Authorization")).isFalse();
    assertThat(body.path("model").asString()).isEqualTo("claude-haiku-4-5");
    assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
    assertThat(body.path("system").asString()).contains("JSON");
    JsonNode tool = body.path("tools").path(0);
    assertThat(tool.path("name").asString()).isEqualTo("image_description");
    assertThat(tool.path("input_schema").path("type").asString()).isEqualTo("object");
    assertThat(tool.path("input_schema").path("properties").has("subjects")).isTrue();
    assertThat(body.path("tool_choice").path("type").asString()).isEqualTo("tool");
    assertThat(body.path("tool_choice").path("name").asString()).isEqualTo("image_description");
    JsonNode content = body.path("messages").path(0).path("content");
    assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("user");
    assertThat(content.path(0).path("type").asString()).isEqualTo("image");
    assertThat(content.path(0).path("source").path("type").asString()).isEqualTo("base64");
    assertThat(content.path(0).path("source").path("media_type").asString())
        .isEqualTo("image/jpeg");
    assertThat(content.path(1).path("type").asString()).isEqualTo("text");
  }

  @Override
  String sentImage(JsonNode body) {
    return body.path("messages")
        .path(0)
        .path("content")
        .path(0)
        .path("source")
        .path("data")
        .asString();
  }

  @Override
  String lastUserText(JsonNode body) {
    JsonNode messages = body.path("messages");
    return messages.path(messages.size() - 1).path("content").asString();
  }

  @Override
  Double expectedCost() {
    return (1000 * 1.00 + 50 * 5.00) / 1_000_000;
  }

  @Test
  void overloaded529IsRetried() {
    stubSequence(
        error(
            529,
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                + "\"message\":\"Overloaded\"}}"),
        okJson(reply(FOX)));

    assertThat(describe(provider()).call().requests()).isEqualTo(2);
  }

  @Test
  void aTextAnswerIsReadAsJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "message").put("stop_reason", "end_turn");
    root.putArray("content")
        .addObject()
        .put("type", "text")
        .put("text", "```json\n" + FOX + "\n```");
    root.putObject("usage").put("input_tokens", 10).put("output_tokens", 5);
    stub(okJson(root.toString()));

    ProviderDescription description = describe(provider());

    assertThat(description.setting()).isEqualTo("fresh snow");
    assertThat(description.call().repaired()).isFalse();
  }
}
