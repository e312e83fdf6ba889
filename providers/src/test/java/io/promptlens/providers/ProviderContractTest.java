package io.promptlens.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.promptlens.providers.ProviderException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The behaviour every provider must show against a loopback WireMock stub that answers in that
 * provider's documented shape: the request (model, schema, image as base64 JPEG, auth header), a
 * success, 401, 429 with Retry-After, 500 then success, a malformed answer then its repair, a
 * response slower than the timeout, and cancellation. Subclasses supply the wire format.
 */
abstract class ProviderContractTest {

  static final String FOX = StubAnswers.FOX;

  /** Cut off mid-string, as a model that hit its token limit leaves it. */
  static final String TRUNCATED = "{\"description\":\"a red fox in fre";

  static final String KEY = "sk-test-0123456789";

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static PreparedImage image;
  private static ScheduledExecutorService scheduler;

  @BeforeAll
  static void prepareImage() {
    image = PreparedImage.of(TestImages.gradient(2000, 1500));
    scheduler = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterAll
  static void stopScheduler() {
    scheduler.shutdownNow();
  }

  /** The subclass's own static stub: each test class gets a fresh port. */
  final WireMockExtension stub;

  final ProviderKind kind;

  /** The path the provider posts to, for the configured model. */
  final String path;

  ProviderContractTest(WireMockExtension stub, ProviderKind kind, String path) {
    this.stub = stub;
    this.kind = kind;
    this.path = path;
  }

  /** The documented success envelope around an answer, with 1000 input and 50 output tokens. */
  abstract String reply(String answer);

  /** Provider-specific request assertions: headers, schema placement, message layout. */
  abstract void assertRequestShape(JsonNode body, LoggedRequest request);

  /** The base64 image as the request carries it (a data URL is cut to its payload). */
  abstract String sentImage(JsonNode body);

  /**
   * The last user text of a request: the repair instruction on a repair request. By default the
   * last entry of a {@code messages} array whose content is a plain string, as OpenAI, Anthropic
   * and Ollama send the repair turn.
   */
  String lastUserText(JsonNode body) {
    JsonNode messages = body.path("messages");
    return messages.path(messages.size() - 1).path("content").asString();
  }

  /** The estimated cost of 1000 input and 50 output tokens with the default model. */
  abstract Double expectedCost();

  /** The key the test config carries; null for keyless providers. */
  String apiKey() {
    return KEY;
  }

  /** The base URL given to the config. */
  String baseUrl() {
    return stub.baseUrl();
  }

  String model() {
    return kind.defaultModel();
  }

  String expectedAuthHint() {
    return "check " + kind.keyVariable();
  }

  ProviderConfig config() {
    return config(model(), 2);
  }

  /** This provider's test config with another model and number of attempts. */
  ProviderConfig config(String model, int attempts) {
    return new ProviderConfig(
        kind, model, URI.create(baseUrl()), apiKey(), Duration.ofSeconds(5), attempts);
  }

  VisionProvider provider() {
    return Providers.create(config());
  }

  VisionProvider provider(String model) {
    return Providers.create(config(model, 2));
  }

  ProviderDescription describe(VisionProvider provider) {
    return provider.describe(image, Cancellation.create());
  }

  /** The provider exception describing ends in; the test fails if describing succeeds. */
  ProviderException failureOf(VisionProvider provider) {
    Throwable thrown = catchThrowable(() -> describe(provider));
    assertThat(thrown).isInstanceOf(ProviderException.class);
    return (ProviderException) thrown;
  }

  void stub(ResponseDefinitionBuilder response) {
    stub.stubFor(post(urlEqualTo(path)).willReturn(response));
  }

  /** The first response, then the second for every later request. */
  void stubSequence(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
    stub.stubFor(
        post(urlEqualTo(path))
            .inScenario("sequence")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(first)
            .willSetStateTo("second"));
    stub.stubFor(
        post(urlEqualTo(path))
            .inScenario("sequence")
            .whenScenarioStateIs("second")
            .willReturn(then));
  }

  List<LoggedRequest> requests() {
    return stub.findAll(postRequestedFor(urlEqualTo(path))).stream()
        .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
        .toList();
  }

  static JsonNode body(LoggedRequest request) {
    return JSON.readTree(request.getBodyAsString());
  }

  static ResponseDefinitionBuilder error(int status, String json) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(json);
  }

  @Test
  void describesTheImageAndSendsTheDocumentedRequest() throws Exception {
    stub(okJson(reply(FOX)));

    ProviderDescription description = describe(provider());

    assertThat(description.description()).isEqualTo("a red fox in fresh snow");
    assertThat(description.subjects())
        .extracting(ProviderDescription.Subject::name)
        .containsExactly("red fox");
    assertThat(description.subjects().get(0).confidence()).isEqualTo(0.93);
    assertThat(description.setting()).isEqualTo("fresh snow");
    CallRecord call = description.call();
    assertThat(call.provider()).isEqualTo(kind.toString());
    assertThat(call.model()).isEqualTo(model());
    assertThat(call.inputTokens()).isEqualTo(1000);
    assertThat(call.outputTokens()).isEqualTo(50);
    if (expectedCost() == null) {
      assertThat(call.estimatedCostUsd()).isNull();
    } else {
      assertThat(call.estimatedCostUsd())
          .isCloseTo(expectedCost(), org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(call.requests()).isEqualTo(1);
    assertThat(call.repaired()).isFalse();
    assertThat(call.latencyMs()).isGreaterThanOrEqualTo(0);

    List<LoggedRequest> sent = requests();
    assertThat(sent).hasSize(1);
    LoggedRequest request = sent.get(0);
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    JsonNode body = body(request);
    byte[] jpeg = Base64.getDecoder().decode(sentImage(body));
    assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
    assertThat(PreparedImageTest.markers(jpeg)).doesNotContain(0xE1, 0xE2, 0xFE);
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertThat(decoded.getWidth()).isEqualTo(1024);
    assertThat(decoded.getHeight()).isEqualTo(768);
    assertRequestShape(body, request);
  }

  @Test
  void authenticationFailureIsOneClearLineAndNotRetried() {
    stub(error(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));

    ProviderException failure = failureOf(provider());

    assertThat(failure.reason()).isEqualTo(Reason.AUTHENTICATION);
    assertThat(failure.status()).isEqualTo(401);
    assertThat(failure.getMessage())
        .startsWith(kind + ": authentication failed (401): " + expectedAuthHint())
        .doesNotContain(KEY)
        .doesNotContain("\n");
    assertThat(requests()).hasSize(1);
  }

  @Test
  void rateLimitWaitsWhatRetryAfterAsks() {
    stubSequence(
        error(429, "{\"error\":{\"message\":\"slow down\"}}").withHeader("Retry-After", "1"),
        okJson(reply(FOX)));

    long start = System.nanoTime();
    ProviderDescription description = describe(provider());
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(elapsedMs).isGreaterThanOrEqualTo(1000);
    assertThat(description.call().requests()).isEqualTo(2);
    assertThat(description.call().latencyMs()).isGreaterThanOrEqualTo(1000);
    assertThat(requests()).hasSize(2);
  }

  @Test
  void aRetryAfterBeyondTheCapIsReportedNotSatOut() {
    stub(error(429, "{}").withHeader("Retry-After", "3600"));

    ProviderException failure = failureOf(provider());

    assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED);
    assertThat(failure.getMessage()).contains("wait 3600 s");
    assertThat(requests()).hasSize(1);
  }

  @Test
  void serverErrorIsRetriedWithBackoff() {
    stubSequence(error(500, "{\"error\":{\"message\":\"internal\"}}"), okJson(reply(FOX)));

    ProviderDescription description = describe(provider());

    assertThat(description.subjects()).isNotEmpty();
    assertThat(description.call().requests()).isEqualTo(2);
    assertThat(description.call().latencyMs()).isGreaterThanOrEqualTo(HttpJson.INITIAL_BACKOFF_MS);
  }

  @Test
  void persistentServerErrorFailsAfterTheRetries() {
    stub(error(503, "{\"error\":{\"message\":\"overloaded\"}}"));
    VisionProvider provider = Providers.create(config().withMaxRetries(1));

    ProviderException failure = failureOf(provider);

    assertThat(failure.reason()).isEqualTo(Reason.SERVER);
    assertThat(failure.getMessage())
        .isEqualTo(kind + ": server error (503) after 2 attempts: overloaded");
    assertThat(requests()).hasSize(2);
  }

  @Test
  void badRequestIsNotRetriedAndQuotesTheService() {
    stub(error(400, "{\"error\":{\"message\":\"Invalid schema for response_format\"}}"));

    ProviderException failure = failureOf(provider());

    assertThat(failure.reason()).isEqualTo(Reason.BAD_REQUEST);
    assertThat(failure.getMessage())
        .isEqualTo(kind + ": request refused (400): Invalid schema for response_format");
    assertThat(requests()).hasSize(1);
  }

  @Test
  void malformedAnswerIsRepairedOnce() {
    stubSequence(okJson(reply(TRUNCATED)), okJson(reply(FOX)));

    ProviderDescription description = describe(provider());

    assertThat(description.subjects().get(0).name()).isEqualTo("red fox");
    assertThat(description.call().repaired()).isTrue();
    assertThat(description.call().requests()).isEqualTo(2);
    assertThat(description.call().inputTokens()).isEqualTo(2000);
    List<LoggedRequest> sent = requests();
    assertThat(sent).hasSize(2);
    String repairBody = sent.get(1).getBodyAsString();
    assertThat(lastUserText(body(sent.get(1))))
        .startsWith("Your previous answer could not be used: the answer is not valid JSON");
    assertThat(repairBody).contains("a red fox in fre");
  }

  @Test
  void answerStillMalformedAfterTheRepairFails() {
    stub(okJson(reply("{\"description\":\"\",\"subjects\":\"a fox\"}")));

    ProviderException failure = failureOf(provider());

    assertThat(failure.reason()).isEqualTo(Reason.MALFORMED_REPLY);
    assertThat(failure.getMessage())
        .isEqualTo(
            kind
                + ": the model's answer is not a valid description, even after a repair"
                + " request: \"subjects\" must be an array");
    assertThat(requests()).hasSize(2);
  }

  @Test
  void responseSlowerThanTheTimeoutFails() {
    stub(okJson(reply(FOX)).withFixedDelay(2_000));
    VisionProvider provider = Providers.create(config().withTimeout(Duration.ofMillis(300)));

    long start = System.nanoTime();
    ProviderException failure = failureOf(provider);

    assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(failure.getMessage()).isEqualTo(kind + ": no response within 300 ms (timeout)");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_500);
    assertThat(requests()).hasSize(1);
  }

  @Test
  void cancelStopsARetryWait() {
    stub(error(429, "{}").withHeader("Retry-After", "30"));
    Cancellation cancellation = Cancellation.create();
    scheduler.schedule(cancellation::cancel, 200, TimeUnit.MILLISECONDS);

    long start = System.nanoTime();
    assertThatThrownBy(() -> provider().describe(image, cancellation))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CANCELLED));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }
}
