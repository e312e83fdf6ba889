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

/** Gemini generateContent: x-goog-api-key, inline_data, responseMimeType and responseSchema. */
class GeminiProviderTest extends ProviderContractTest {

  @RegisterExtension static WireMockExtension server = LoopbackStub.extension();

  GeminiProviderTest() {
    super(server, ProviderKind.GEMINI, "/v1beta/models/gemini-3.5-flash-lite:generateContent");
  }

  @Override
  String reply(String answer) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode candidate = root.putArray("candidates").addObject();
    ObjectNode content = candidate.putObject("content").put("role", "model");
    content.putArray("parts").addObject().put("text", answer);
    candidate.put("finishReason", "STOP").put("index", 0);
    root.putObject("usageMetadata")
        .put("promptTokenCount", 1000)
        .put("candidatesTokenCount", 50)
        .put("totalTokenCount", 1050);
    root.put("modelVersion", "gemini-3.5-flash-lite");
    return root.toString();
  }

  @Override
  void assertRequestShape(JsonNode body, LoggedRequest request) {
    assertThat(request.getHeader("x-goog-api-key")).isEqualTo(KEY);
    assertThat(request.getUrl()).doesNotContain("key=");
    assertThat(body.has("model")).isFalse();
    JsonNode parts = body.path("contents").path(0).path("parts");
    assertThat(body.path("contents").path(0).path("role").asString()).isEqualTo("user");
    assertThat(parts.path(0).path("inline_data").path("mime_type").asString())
        .isEqualTo("image/jpeg");
    assertThat(parts.path(1).path("text").asString()).contains("JSON");
    assertThat(body.path("system_instruction").path("parts").path(0).path("text").asString())
        .contains("JSON");
    JsonNode config = body.path("generationConfig");
    assertThat(config.path("responseMimeType").asString()).isEqualTo("application/json");
    JsonNode schema = config.path("responseSchema");
    assertThat(schema.path("type").asString()).isEqualTo("OBJECT");
    assertThat(schema.has("additionalProperties")).isFalse();
    assertThat(schema.path("properties").path("subjects").path("type").asString())
        .isEqualTo("ARRAY");
    assertThat(schema.path("propertyOrdering").path(0).asString()).isEqualTo("description");
  }

  @Override
  String sentImage(JsonNode body) {
    return body.path("contents")
        .path(0)
        .path("parts")
        .path(0)
        .path("inline_data")
        .path("data")
        .asString();
  }

  @Override
  String lastUserText(JsonNode body) {
    JsonNode contents = body.path("contents");
    return contents.path(contents.size() - 1).path("parts").path(0).path("text").asString();
  }

  @Override
  Double expectedCost() {
    return (1000 * 0.30 + 50 * 2.50) / 1_000_000;
  }

  @Test
  void anInvalidKeyAnsweredWith400IsAnAuthenticationFailure() {
    stub(
        error(
            400,
            "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API"
                + " key.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":"
                + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\","
                + "\"domain\":\"googleapis.com\"}]}}"));

    ProviderException failure = failureOf(provider());

    assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION);
    assertThat(failure.getMessage())
        .isEqualTo("gemini: authentication failed (400): check GEMINI_API_KEY");
  }

  @Test
  void the429RetryDelayInTheBodyIsHonoured() {
    stubSequence(
        error(
            429,
            "{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":"
                + "\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"1s\"}]}}"),
        okJson(reply(FOX)));

    long start = System.nanoTime();
    describe(provider());

    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void thinkingTokensCountAsOutputAndThoughtPartsAreSkipped() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode candidate = root.putArray("candidates").addObject();
    var parts = candidate.putObject("content").putArray("parts");
    parts.addObject().put("text", "thinking about foxes").put("thought", true);
    parts.addObject().put("text", FOX);
    candidate.put("finishReason", "STOP");
    root.putObject("usageMetadata")
        .put("promptTokenCount", 1000)
        .put("candidatesTokenCount", 50)
        .put("thoughtsTokenCount", 200);
    stub(okJson(root.toString()));

    CallRecord call = describe(provider()).call();

    assertThat(call.outputTokens()).isEqualTo(250);
  }

  @Test
  void aSafetyBlockIsARefusal() {
    stub(okJson("{\"promptFeedback\":{\"blockReason\":\"SAFETY\"}}"));

    ProviderException failure = failureOf(provider());

    assertThat(failure.reason()).isEqualTo(Reason.REFUSED);
    assertThat(failure.getMessage()).contains("prompt blocked (SAFETY)");
  }

  @Test
  void anExhaustedDailyQuotaIsNotRetriedEvenWhenARetryDelayIsGiven() {
    stub(
        error(
            429,
            "{\"error\":{\"code\":429,\"message\":\"You exceeded your current quota.\","
                + "\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":"
                + "\"type.googleapis.com/google.rpc.QuotaFailure\",\"violations\":[{"
                + "\"quotaMetric\":\"generativelanguage.googleapis.com/generate_content_free_tier_requests\","
                + "\"quotaId\":\"GenerateRequestsPerDayPerProjectPerModel-FreeTier\"}]},"
                + "{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"1s\"}]}}"));

    ProviderException failure = failureOf(provider());

    assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
    assertThat(failure.getMessage()).startsWith("gemini: quota exhausted (429)");
    assertThat(requests()).hasSize(1);
  }

  @Test
  void anAnswerCutOffAtTheModelsMaximumIsReportedNotRepaired() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode candidate = root.putArray("candidates").addObject();
    candidate.putObject("content").putArray("parts").addObject().put("text", TRUNCATED);
    candidate.put("finishReason", "MAX_TOKENS");
    stub(okJson(root.toString()));

    ProviderException failure = failureOf(provider());

    assertThat(failure.getMessage())
        .isEqualTo(
            "gemini: the answer was cut off at the output-token limit (the model's" + " maximum)");
    assertThat(requests()).hasSize(1);
  }

  @Test
  void aRetiredModelsNotFoundNamesTheReplacement() {
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                    "/v1beta/models/gemini-2.5-flash:generateContent"))
            .willReturn(
                error(
                    404,
                    "{\"error\":{\"code\":404,\"message\":\"models/gemini-2.5-flash"
                        + " is not found\",\"status\":\"NOT_FOUND\"}}")));
    VisionProvider retired = Providers.create(config("gemini-2.5-flash", 0));

    ProviderException failure = failureOf(retired);

    assertThat(failure.reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(failure.getMessage())
        .contains("was retired on 2026-06-17; use --model gemini-3.5-flash-lite");
  }
}
