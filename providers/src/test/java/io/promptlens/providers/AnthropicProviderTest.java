package io.promptlens.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.promptlens.providers.ProviderException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic Messages: x-api-key and anthropic-version 2026-10-21, base64 image block, structured
 * outputs ({@code output_config.format}) for current models and the forced tool only for older
 * listed ones, one retry of an answer cut off at max_tokens, spend limits not retried.
 */
class AnthropicProviderTest extends ProviderContractTest {

  @RegisterExtension static WireMockExtension server = LoopbackStub.extension();

  AnthropicProviderTest() {
    super(server, ProviderKind.ANTHROPIC, "/v1/messages");
  }

  /** Structured outputs answer in a text block, JSON or not. */
  @Override
  String reply(String answer) {
    return message("end_turn", answer);
  }

  static String message(String stopReason, String text) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "msg_01").put("type", "message").put("role", "assistant");
    root.putArray("content").addObject().put("type", "text").put("text", text);
    root.put("stop_reason", stopReason);
    root.putNull("stop_sequence");
    root.putObject("usage").put("input_tokens", 1000).put("output_tokens", 50);
    return root.toString();
  }

  /** The forced tool's answer, as an older model gives it. */
  static String toolUse(String answer) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "msg_01").put("type", "message").put("role", "assistant");
    root.putArray("content")
        .addObject()
        .put("type", "tool_use")
        .put("id", "toolu_01")
        .put("name", "image_description")
        .set("input", JSON.readTree(answer));
    root.put("stop_reason", "tool_use");
    root.putObject("usage").put("input_tokens", 1000).put("output_tokens", 50);
    return root.toString();
  }

  @Override
  void assertRequestShape(JsonNode body, LoggedRequest request) {
    assertThat(request.getHeader("x-api-key")).isEqualTo(KEY);
    assertThat(request.getHeader("anthropic-version")).isEqualTo("2026-10-21");
    assertThat(request.containsHeader("Authorization")).isFalse();
    assertThat(body.path("model").asString()).isEqualTo("claude-haiku-5-5");
    assertThat(body.path("max_tokens").asInt()).isEqualTo(2048);
    assertThat(body.path("system").asString()).contains("JSON");
    JsonNode format = body.path("output_config").path("format");
    assertThat(format.path("type").asString()).isEqualTo("json_schema");
    assertThat(format.path("schema").path("type").asString()).isEqualTo("object");
    assertThat(format.path("schema").path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(format.path("schema").path("properties").has("subjects")).isTrue();
    assertThat(body.has("tools")).isFalse();
    assertThat(body.has("tool_choice")).isFalse();
    assertThat(body.has("temperature")).isFalse();
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
  Double expectedCost() {
    return (1000 * 0.10 + 50 * 0.50) / 1_000_000;
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

  @Test
  void aModelWithoutStructuredOutputsFallsBackToTheForcedTool() {
    stub(okJson(toolUse(FOX)));
    VisionProvider older = provider("claude-opus-4-1");

    ProviderDescription description = describe(older);

    assertThat(description.setting()).isEqualTo("fresh snow");
    JsonNode body = body(requests().get(0));
    assertThat(body.has("output_config")).isFalse();
    JsonNode tool = body.path("tools").path(0);
    assertThat(tool.path("name").asString()).isEqualTo("image_description");
    assertThat(tool.path("input_schema").path("properties").has("subjects")).isTrue();
    assertThat(body.path("tool_choice").path("type").asString()).isEqualTo("tool");
    assertThat(body.path("tool_choice").path("name").asString()).isEqualTo("image_description");
  }

  @Test
  void aModelTheCatalogDoesNotListGetsStructuredOutputs() {
    stub(okJson(reply(FOX)));
    VisionProvider newer = provider("claude-sonnet-6");

    describe(newer);

    JsonNode body = body(requests().get(0));
    assertThat(body.path("output_config").path("format").path("type").asString())
        .isEqualTo("json_schema");
    assertThat(body.has("tool_choice")).isFalse();
  }

  @Test
  void anAnswerCutOffAtMaxTokensIsRetriedOnceWithALargerLimitNotRepaired() {
    stubSequence(okJson(message("max_tokens", TRUNCATED)), okJson(reply(FOX)));

    ProviderDescription description = describe(provider());

    assertThat(description.subjects().get(0).name()).isEqualTo("red fox");
    assertThat(description.call().repaired()).isFalse();
    assertThat(description.call().requests()).isEqualTo(2);
    List<LoggedRequest> sent = requests();
    assertThat(body(sent.get(0)).path("max_tokens").asInt()).isEqualTo(2048);
    JsonNode retry = body(sent.get(1));
    assertThat(retry.path("max_tokens").asInt()).isEqualTo(8192);
    assertThat(retry.path("messages")).hasSize(1);
  }

  @Test
  void anAnswerCutOffTwiceIsReported() {
    stub(okJson(message("max_tokens", TRUNCATED)));

    ProviderException failure = failureOf(provider());

    assertThat(failure.getMessage())
        .isEqualTo(
            "anthropic: the answer was cut off at the output-token limit (8192"
                + " tokens), even after a retry with a larger limit");
    assertThat(requests()).hasSize(2);
  }

  @Test
  void aReachedSpendLimitIsNotRetried() {
    stub(
        error(
                429,
                "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
                    + "\"You have reached your specified API usage limits. You will regain access"
                    + " on 2027-01-01 at 00:00 UTC.\"}}")
            .withHeader("retry-after", "1"));

    ProviderException failure = failureOf(provider());

    assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
    assertThat(failure.getMessage())
        .startsWith("anthropic: quota exhausted (429): check the account's plan");
    assertThat(requests()).hasSize(1);
  }

  @Test
  void claudeOpus45IsEstimatedAtFiveAndTwentyFiveDollarsPerMillion() {
    stub(okJson(reply(FOX)));
    VisionProvider opus = provider("claude-opus-4-5");

    CallRecord call = describe(opus).call();

    assertThat(call.estimatedCostUsd())
        .isCloseTo(
            (1000 * 5.00 + 50 * 25.00) / 1_000_000, org.assertj.core.data.Offset.offset(1e-12));
  }
}
