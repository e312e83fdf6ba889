package io.promptlens.providers;

import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic Messages API with a base64 image block and structured outputs.
 *
 * <p>Wire format: {@code POST {baseUrl}/v1/messages} with headers {@code x-api-key} and {@code
 * anthropic-version: 2026-10-21} (the current version; 2023-06-01 is superseded); the user content
 * is an {@code image} block ({@code source: {type: base64, media_type: image/jpeg, data}}) followed
 * by the text. Models that take structured outputs (from Haiku 4.5 on; {@link
 * ProviderCatalog#structuredOutputs}) get {@code output_config: {format: {type: json_schema,
 * schema}}} and answer in a text block; the newest models refuse a forced {@code tool_choice} with
 * 400, so only older listed models get the description schema as the {@code input_schema} of one
 * tool forced with {@code tool_choice: {type: tool, name}}, answering in a {@code tool_use} block.
 * Tokens are {@code usage.input_tokens} and {@code usage.output_tokens}. {@code stop_reason:
 * max_tokens} means the JSON was cut off: one retry with {@value #LARGER_MAX_TOKENS} tokens. No
 * temperature is sent (2026-10-21 removed it). A repair request sends the earlier answer as the
 * assistant's text turn and ends with the user's instruction. 529 (overloaded) is retried like any
 * 5xx.
 *
 * @see <a href="https://platform.claude.com/docs/en/api/messages">Messages API</a>
 * @see <a
 *     href="https://platform.claude.com/docs/en/build-with-claude/structured-outputs">Structured
 *     outputs (output_config.format)</a>
 * @see <a href="https://platform.claude.com/docs/en/build-with-claude/vision">Vision (base64 image
 *     source)</a>
 * @see <a href="https://platform.claude.com/docs/en/api/errors">Errors (429 retry-after, 529)</a>
 * @see <a href="https://platform.claude.com/docs/en/api/versioning">Versions (anthropic-version
 *     2026-10-21)</a>
 */
final class AnthropicProvider extends AbstractJsonProvider {

  /** Checked 2026-12-05: the version the versioning page lists first and recommends. */
  static final String API_VERSION = "2026-10-21";

  /** Room for the description JSON; the schema keeps it far below this. */
  static final int MAX_TOKENS = 2048;

  /** The one retry of an answer cut off at {@link #MAX_TOKENS}. */
  static final int LARGER_MAX_TOKENS = 8192;

  AnthropicProvider(ProviderConfig config) {
    super(config);
  }

  @Override
  URI endpoint() {
    return URI.create(config.baseUrl() + "/v1/messages");
  }

  @Override
  Map<String, String> headers() {
    return Map.of("x-api-key", config.apiKey(), "anthropic-version", API_VERSION);
  }

  @Override
  @Nullable Integer outputLimit() {
    return MAX_TOKENS;
  }

  @Override
  @Nullable Integer largerOutputLimit() {
    return LARGER_MAX_TOKENS;
  }

  @Override
  ObjectNode body(PreparedImage image, @Nullable Repair repair, @Nullable Integer outputLimit) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode body = f.objectNode();
    body.put("model", config.model());
    body.put("max_tokens", outputLimit == null ? MAX_TOKENS : outputLimit);
    body.put("system", DescriptionSchema.SYSTEM);
    if (config.catalog().structuredOutputs(config.kind(), config.model())) {
      body.putObject("output_config")
          .putObject("format")
          .put("type", "json_schema")
          .set("schema", DescriptionSchema.jsonSchema());
    } else {
      ObjectNode tool = body.putArray("tools").addObject();
      tool.put("name", DescriptionSchema.NAME);
      tool.put("description", "Record the description of the image.");
      tool.set("input_schema", DescriptionSchema.jsonSchema());
      body.putObject("tool_choice").put("type", "tool").put("name", DescriptionSchema.NAME);
    }
    ArrayNode messages = body.putArray("messages");
    ArrayNode content = messages.addObject().put("role", "user").putArray("content");
    ObjectNode imageBlock = content.addObject().put("type", "image");
    imageBlock
        .putObject("source")
        .put("type", "base64")
        .put("media_type", image.mediaType())
        .put("data", image.base64());
    content.addObject().put("type", "text").put("text", DescriptionSchema.INSTRUCTION);
    if (repair != null) {
      repair.appendTurns(messages);
    }
    return body;
  }

  @Override
  Answer answer(JsonNode response) {
    JsonNode blocks = response.path("content");
    if (!blocks.isArray()) {
      throw unexpected("content");
    }
    String text = null;
    StringBuilder texts = new StringBuilder();
    for (JsonNode block : blocks) {
      String type = block.path("type").asString("");
      if (type.equals("tool_use") && block.path("input").isObject()) {
        text = HttpJson.mapper().writeValueAsString(block.get("input"));
        break;
      }
      if (type.equals("text")) {
        texts.append(block.path("text").asString(""));
      }
    }
    if (text == null && "refusal".equals(response.path("stop_reason").asString(""))) {
      throw refused("stop_reason refusal");
    }
    JsonNode usage = response.path("usage");
    return new Answer(
        text != null ? text : texts.toString(),
        tokens(usage.get("input_tokens")),
        tokens(usage.get("output_tokens")),
        "max_tokens".equals(response.path("stop_reason").asString("")));
  }
}
