package io.promptlens.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.promptlens.providers.ProviderException.Reason;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** OpenAI Chat Completions: Bearer auth, data-URL image part, strict json_schema. */
class OpenAiProviderTest extends ProviderContractTest {

  @RegisterExtension static WireMockExtension server = LoopbackStub.extension();

  OpenAiProviderTest() {
    super(server, ProviderKind.OPENAI, "/v1/chat/completions");
  }

  @Override
  String baseUrl() {
    return server.baseUrl() + "/v1";
  }

  @Override
  String reply(String answer) {
    return chatCompletion(model(), answer);
  }

  /** A Chat Completions response in the documented shape. */
  static String chatCompletion(String model, String answer) {
    var root = JSON.createObjectNode();
    root.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", model);
    var choice = root.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", answer).putNull("refusal");
    root.putObject("usage")
        .put("prompt_tokens", 1000)
        .put("completion_tokens", 50)
        .put("total_tokens", 1050);
    return root.toString();
  }

  @Override
  void assertRequestShape(JsonNode body, LoggedRequest request) {
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(body.path("model").asString()).isEqualTo(model());
    JsonNode content = body.path("messages").path(1).path("content");
    assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("system");
    assertThat(body.path("messages").path(1).path("role").asString()).isEqualTo("user");
    assertThat(content.path(0).path("type").asString()).isEqualTo("text");
    assertThat(content.path(1).path("type").asString()).isEqualTo("image_url");
    assertThat(content.path(1).path("image_url").path("url").asString())
        .startsWith("data:image/jpeg;base64,/9j/");
    JsonNode format = body.path("response_format");
    assertThat(format.path("type").asString()).isEqualTo("json_schema");
    assertThat(format.path("json_schema").path("name").asString()).isEqualTo("image_description");
    assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
    JsonNode schema = format.path("json_schema").path("schema");
    assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(schema.path("required").toString()).contains("\"subjects\"", "\"visible_text\"");
    assertThat(body.has("temperature")).isFalse();
  }

  @Override
  String sentImage(JsonNode body) {
    return dataUrlPayload(body);
  }

  static String dataUrlPayload(JsonNode body) {
    String url =
        body.path("messages")
            .path(1)
            .path("content")
            .path(1)
            .path("image_url")
            .path("url")
            .asString();
    return url.substring(url.indexOf(',') + 1);
  }

  @Override
  Double expectedCost() {
    return (1000 * 0.10 + 50 * 0.50) / 1_000_000;
  }

  @Test
  void refusalIsReportedAsSuch() {
    var root = JSON.createObjectNode();
    root.putArray("choices")
        .addObject()
        .putObject("message")
        .put("role", "assistant")
        .putNull("content")
        .put("refusal", "I can't help with that.");
    stub(okJson(root.toString()));

    ProviderException failure = failureOf(provider());

    assertThat(failure.reason()).isEqualTo(Reason.REFUSED);
    assertThat(failure.getMessage())
        .isEqualTo("openai: the model declined to describe the image: I can't help with that.");
  }

  @Test
  void exhaustedQuotaIsNotRetried() {
    stub(
        error(
                429,
                "{\"error\":{\"message\":\"You exceeded your current quota\","
                    + "\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}")
            .withHeader("Retry-After", "1"));

    ProviderException failure = failureOf(provider());

    assertThat(failure.getMessage())
        .isEqualTo("openai: quota exhausted (429): check the account's plan and billing");
    assertThat(requests()).hasSize(1);
  }

  @Test
  void retryAfterMsIsHonoured() {
    stubSequence(error(429, "{}").withHeader("retry-after-ms", "700"), okJson(reply(FOX)));

    long start = System.nanoTime();
    describe(provider());

    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(700);
  }

  @Test
  void cancelAbortsTheExchangeInFlight() throws Exception {
    stub(okJson(reply(FOX)).withFixedDelay(3_000));
    Cancellation cancellation = Cancellation.create();
    VisionProvider provider = provider();
    PreparedImage image = PreparedImage.of(TestImages.gradient(64, 48));

    CompletableFuture<Throwable> outcome =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                provider.describe(image, cancellation);
                return null;
              } catch (ProviderException e) {
                return e;
              }
            });
    awaitRequestInFlight();
    long start = System.nanoTime();
    cancellation.cancel();
    Throwable thrown = outcome.get(2, TimeUnit.SECONDS);

    assertThat(thrown).isInstanceOf(ProviderException.class);
    assertThat(((ProviderException) thrown).reason()).isEqualTo(Reason.CANCELLED);
    assertThat(thrown.getMessage()).isEqualTo("openai: cancelled");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
  }

  /**
   * Returns once the stub has logged the request, so the exchange is in flight (the stub delays its
   * answer); cancelling earlier would only test cancelling before the request.
   */
  private void awaitRequestInFlight() {
    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> requests().size() == 1);
  }

  @Test
  void aConnectionResetIsRetried() {
    stubSequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(reply(FOX)));

    assertThat(describe(provider()).call().requests()).isEqualTo(2);
  }

  @Test
  void interruptingTheCallerCancels() throws Exception {
    stub(okJson(reply(FOX)).withFixedDelay(3_000));
    VisionProvider provider = provider();
    PreparedImage image = PreparedImage.of(TestImages.gradient(64, 48));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                provider.describe(image, Cancellation.create());
              } catch (ProviderException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
              }
            });
    caller.start();
    awaitRequestInFlight();
    caller.interrupt();
    caller.join(2_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(ProviderException.class);
    assertThat(((ProviderException) thrown.get()).reason()).isEqualTo(Reason.CANCELLED);
    assertThat(stillInterrupted).isTrue();
  }

  @Test
  void unreachableServerIsAConnectionError() {
    ProviderConfig config =
        new ProviderConfig(
            ProviderKind.OPENAI,
            null,
            java.net.URI.create("http://127.0.0.1:1/v1"),
            KEY,
            java.time.Duration.ofSeconds(2),
            0);

    ProviderException failure = failureOf(Providers.create(config));

    assertThat(failure.reason()).isEqualTo(Reason.CONNECTION);
    assertThat(failure.getMessage())
        .isEqualTo(
            "openai: cannot connect to http://127.0.0.1:1/v1: is the server running and"
                + " reachable?");
  }

  @Test
  void anAnswerCutOffAtLengthIsReportedNotRepairedUnderTheSameLimit() {
    var root = JSON.createObjectNode();
    var choice = root.putArray("choices").addObject();
    choice.put("finish_reason", "length");
    choice.putObject("message").put("role", "assistant").put("content", TRUNCATED);
    stub(okJson(root.toString()));

    assertThat(failureOf(provider()).getMessage()).startsWith("openai: the answer was cut off");
    assertThat(requests()).hasSize(1);
  }
}
