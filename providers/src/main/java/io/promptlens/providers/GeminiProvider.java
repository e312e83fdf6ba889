package io.promptlens.providers;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google Gemini API {@code generateContent} with inline image data and a response schema.
 *
 * <p>Wire format: {@code POST {baseUrl}/v1beta/models/{model}:generateContent} with the key in the
 * {@code x-goog-api-key} header (never in the URL, where proxies log it); {@code contents[0].parts}
 * holds {@code {inline_data: {mime_type: image/jpeg, data}}} and the text, {@code
 * system_instruction} the system text, and {@code generationConfig} sets {@code responseMimeType:
 * application/json} with {@code responseSchema} (the OpenAPI-subset form, see {@link
 * DescriptionSchema#geminiSchema()}). The answer is the text of {@code candidates[0].content.parts}
 * (thought parts skipped); tokens are {@code usageMetadata.promptTokenCount} and {@code
 * candidatesTokenCount} plus {@code thoughtsTokenCount}. A blocked prompt ({@code
 * promptFeedback.blockReason}) or a safety finish reason is a refusal. An invalid key comes back as
 * 400 {@code API_KEY_INVALID} and is reported as an authentication failure; a 429's wait is in the
 * body's {@code RetryInfo}.
 *
 * @see <a href="https://ai.google.dev/api/generate-content">generateContent reference</a>
 * @see <a href="https://ai.google.dev/gemini-api/docs/image-understanding">Image understanding
 *     (inline_data)</a>
 * @see <a href="https://ai.google.dev/gemini-api/docs/structured-output">Structured output
 *     (responseMimeType, responseSchema)</a>
 * @see <a href="https://ai.google.dev/gemini-api/docs/troubleshooting">Troubleshooting (error
 *     codes)</a>
 */
final class GeminiProvider extends AbstractJsonProvider {

  private static final Set<String> BLOCKED =
      Set.of("SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "IMAGE_SAFETY", "SPII", "RECITATION");

  GeminiProvider(ProviderConfig config) {
    super(config);
  }

  @Override
  URI endpoint() {
    String model =
        config.model().startsWith("models/") ? config.model().substring(7) : config.model();
    return URI.create(
        config.baseUrl()
            + "/v1beta/models/"
            + URLEncoder.encode(model, StandardCharsets.UTF_8)
            + ":generateContent");
  }

  @Override
  Map<String, String> headers() {
    return Map.of("x-goog-api-key", config.apiKey());
  }

  @Override
  ObjectNode body(PreparedImage image, @Nullable Repair repair, @Nullable Integer outputLimit) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode body = f.objectNode();
    body.putObject("system_instruction")
        .putArray("parts")
        .addObject()
        .put("text", DescriptionSchema.SYSTEM);
    ArrayNode contents = body.putArray("contents");
    ArrayNode parts = contents.addObject().put("role", "user").putArray("parts");
    parts
        .addObject()
        .putObject("inline_data")
        .put("mime_type", image.mediaType())
        .put("data", image.base64());
    parts.addObject().put("text", DescriptionSchema.INSTRUCTION);
    if (repair != null) {
      contents
          .addObject()
          .put("role", "model")
          .putArray("parts")
          .addObject()
          .put("text", repair.echoedAnswer());
      contents
          .addObject()
          .put("role", "user")
          .putArray("parts")
          .addObject()
          .put("text", repair.instruction());
    }
    ObjectNode generation = body.putObject("generationConfig");
    generation.put("responseMimeType", "application/json");
    generation.set("responseSchema", DescriptionSchema.geminiSchema());
    return body;
  }

  @Override
  Answer answer(JsonNode response) {
    String blockReason = response.path("promptFeedback").path("blockReason").asString("");
    if (!blockReason.isEmpty()) {
      throw refused("prompt blocked (" + blockReason + ")");
    }
    JsonNode candidate = response.path("candidates").path(0);
    if (candidate.isMissingNode()) {
      throw unexpected("candidates[0]");
    }
    String finish = candidate.path("finishReason").asString("");
    if (BLOCKED.contains(finish)) {
      throw refused("finishReason " + finish);
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : candidate.path("content").path("parts")) {
      if (!part.path("thought").asBoolean(false)) {
        text.append(part.path("text").asString(""));
      }
    }
    JsonNode usage = response.path("usageMetadata");
    Integer output = tokens(usage.get("candidatesTokenCount"));
    Integer thoughts = tokens(usage.get("thoughtsTokenCount"));
    if (output != null && thoughts != null) {
      output += thoughts;
    }
    return new Answer(
        text.toString(),
        tokens(usage.get("promptTokenCount")),
        output,
        "MAX_TOKENS".equals(finish));
  }
}
