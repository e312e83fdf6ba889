package io.promptlens.providers;

import io.promptlens.providers.DescriptionParser.MalformedReplyException;
import io.promptlens.providers.ProviderException.Reason;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The describe flow every provider shares: send the image with the schema, read the answer's text
 * and token counts, validate it, and on a malformed answer ask once more with the answer and the
 * validation error (the "repair" request), then record the call. Subclasses only know their wire
 * format. Thread-safe when the subclass is stateless, as all are.
 */
abstract class AbstractJsonProvider implements VisionProvider {

  /** The longest earlier answer echoed back in a repair request. */
  private static final int MAX_ECHO = 4_000;

  final ProviderConfig config;
  final HttpJson http;

  AbstractJsonProvider(ProviderConfig config) {
    this.config = config;
    this.http = new HttpJson(config);
  }

  /**
   * The model's answer text (JSON expected), the call's token counts (null if not reported) and
   * whether the model stopped at the output-token limit, which leaves structured output cut off.
   */
  record Answer(
      String text,
      @Nullable Integer inputTokens,
      @Nullable Integer outputTokens,
      boolean truncated) {}

  /** A malformed earlier answer and what was wrong with it, for the repair request. */
  record Repair(String answer, String error) {
    String instruction() {
      return "Your previous answer could not be used: "
          + error
          + ". Answer again with only the JSON object that matches the schema.";
    }

    String echoedAnswer() {
      String text = answer == null || answer.isBlank() ? "(empty)" : answer;
      return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO);
    }

    /**
     * Appends the two turns of a repair to a {@code messages} array whose content may be a plain
     * string, the shape OpenAI, Anthropic and Ollama share: the echoed answer as the assistant's,
     * then the instruction as the user's. Gemini's {@code contents} use parts and roles of their
     * own, so it builds its turns itself.
     */
    void appendTurns(ArrayNode messages) {
      messages.addObject().put("role", "assistant").put("content", echoedAnswer());
      messages.addObject().put("role", "user").put("content", instruction());
    }
  }

  abstract URI endpoint();

  /**
   * Headers besides Content-Type and Accept, the auth header included: by default the key, when
   * there is one, as {@code Authorization: Bearer} (OpenAI's convention, which Ollama behind a
   * proxy and OpenAI-compatible servers follow); a provider with its own scheme overrides this.
   */
  Map<String, String> headers() {
    String key = config.apiKey();
    return key == null ? Map.of() : Map.of("Authorization", "Bearer " + key);
  }

  /**
   * The request body; {@code repair} is null for the first request, {@code outputLimit} is the
   * output-token limit to send (null: send none, the model's own maximum applies).
   */
  abstract ObjectNode body(
      PreparedImage image, @Nullable Repair repair, @Nullable Integer outputLimit);

  /** The output-token limit the first request sends; null when the wire format needs none. */
  @Nullable Integer outputLimit() {
    return null;
  }

  /**
   * The larger limit one retry of a cut-off answer sends; null when no larger limit exists (none
   * was sent, so the model's maximum was reached) and the cut-off is reported instead.
   */
  @Nullable Integer largerOutputLimit() {
    return null;
  }

  /**
   * Reads a 2xx response body.
   *
   * @throws ProviderException REFUSED when the model or a safety filter declined, SERVER when the
   *     body is not the documented shape
   */
  abstract Answer answer(JsonNode response);

  @Override
  public String name() {
    return config.kind().toString();
  }

  @Override
  public String model() {
    return config.model();
  }

  @Override
  public ProviderDescription describe(PreparedImage image, Cancellation cancellation) {
    if (image == null || cancellation == null) {
      throw new IllegalArgumentException("image and cancellation are required");
    }
    long start = System.nanoTime();
    Integer limit = outputLimit();
    HttpJson.Result first =
        http.post(endpoint(), headers(), body(image, null, limit), cancellation);
    Answer answer = answer(first.body());
    int requests = first.requests();
    Integer inputTokens = answer.inputTokens();
    Integer outputTokens = answer.outputTokens();
    if (answer.truncated()) {
      // A cut-off JSON answer is not a malformed one: repairing it under the same limit would be
      // cut off again. One retry with room to spare, or a clear report.
      Integer larger = largerOutputLimit();
      if (larger == null) {
        throw cutOff(limit);
      }
      limit = larger;
      HttpJson.Result again =
          http.post(endpoint(), headers(), body(image, null, limit), cancellation);
      answer = answer(again.body());
      requests += again.requests();
      inputTokens = sum(inputTokens, answer.inputTokens());
      outputTokens = sum(outputTokens, answer.outputTokens());
      if (answer.truncated()) {
        throw cutOff(limit);
      }
    }
    ProviderDescription parsed;
    boolean repaired = false;
    try {
      parsed = DescriptionParser.parse(answer.text());
    } catch (MalformedReplyException malformed) {
      Repair repair =
          new Repair(
              answer.text(),
              Objects.requireNonNullElse(malformed.getMessage(), "the answer could not be used"));
      HttpJson.Result second =
          http.post(endpoint(), headers(), body(image, repair, limit), cancellation);
      Answer again = answer(second.body());
      requests += second.requests();
      inputTokens = sum(inputTokens, again.inputTokens());
      outputTokens = sum(outputTokens, again.outputTokens());
      repaired = true;
      try {
        parsed = DescriptionParser.parse(again.text());
      } catch (MalformedReplyException stillMalformed) {
        throw new ProviderException(
            Reason.MALFORMED_REPLY,
            200,
            name()
                + ": the model's answer is not a valid description, even after a repair request: "
                + stillMalformed.getMessage());
      }
    }
    long latencyMs = (System.nanoTime() - start) / 1_000_000;
    CallRecord call =
        new CallRecord(
            name(),
            model(),
            latencyMs,
            inputTokens,
            outputTokens,
            config.catalog().estimate(config.kind(), model(), inputTokens, outputTokens),
            requests,
            repaired);
    return parsed.withCall(call);
  }

  /** The response did not have the documented shape. */
  ProviderException unexpected(String what) {
    return new ProviderException(
        Reason.SERVER, 200, name() + ": unexpected response: " + what + " is missing");
  }

  private ProviderException cutOff(@Nullable Integer limit) {
    return new ProviderException(
        Reason.MALFORMED_REPLY,
        200,
        name()
            + ": the answer was cut off at the output-token limit ("
            + (limit == null ? "the model's maximum" : limit + " tokens")
            + ")"
            + (limit == null || largerOutputLimit() == null
                ? ""
                : ", even after a retry with a larger limit"));
  }

  ProviderException refused(String why) {
    return new ProviderException(
        Reason.REFUSED, 200, name() + ": the model declined to describe the image: " + why);
  }

  static @Nullable Integer tokens(@Nullable JsonNode node) {
    return node != null && node.isNumber() ? node.asInt() : null;
  }

  private static @Nullable Integer sum(@Nullable Integer a, @Nullable Integer b) {
    return a == null || b == null ? null : a + b;
  }
}
