package io.promptlens.providers;

import java.net.URI;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic Messages API with a base64 image block; structured output through a forced tool call.
 *
 * <p>Wire format: {@code POST {baseUrl}/v1/messages} with headers {@code x-api-key} and {@code
 * anthropic-version: 2023-06-01}; the user content is an {@code image} block ({@code source: {type:
 * base64, media_type: image/jpeg, data}}) followed by the text. The description schema is the
 * {@code input_schema} of one tool, and {@code tool_choice: {type: tool, name}} makes the model
 * answer by calling it, so the answer is the {@code input} object of the {@code tool_use} content
 * block (a text block is read as JSON when a model answers in text instead). Tokens are {@code
 * usage.input_tokens} and {@code usage.output_tokens}. A repair request sends the earlier answer as
 * the assistant's text turn. 529 (overloaded) is retried like any 5xx.
 *
 * @see <a href="https://docs.anthropic.com/en/api/messages">Messages API</a>
 * @see <a href="https://docs.anthropic.com/en/docs/build-with-claude/vision">Vision (base64 image
 *     source)</a>
 * @see <a
 *     href="https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/implement-tool-use">Tool
 *     use: forcing a tool with tool_choice</a>
 * @see <a href="https://docs.anthropic.com/en/api/errors">Errors (429 retry-after, 529)</a>
 * @see <a href="https://docs.anthropic.com/en/api/versioning">Versions (anthropic-version)</a>
 */
final class AnthropicProvider extends AbstractJsonProvider {

  static final String API_VERSION = "2023-06-01";

  /** Room for the description JSON; the schema keeps it far below this. */
  static final int MAX_TOKENS = 1024;

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
  ObjectNode body(PreparedImage image, Repair repair) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode body = f.objectNode();
    body.put("model", config.model());
    body.put("max_tokens", MAX_TOKENS);
    body.put("system", DescriptionSchema.SYSTEM);
    ObjectNode tool = body.putArray("tools").addObject();
    tool.put("name", DescriptionSchema.NAME);
    tool.put("description", "Record the description of the image.");
    tool.set("input_schema", DescriptionSchema.jsonSchema());
    body.putObject("tool_choice").put("type", "tool").put("name", DescriptionSchema.NAME);
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
      messages.addObject().put("role", "assistant").put("content", repair.echoedAnswer());
      messages.addObject().put("role", "user").put("content", repair.instruction());
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
        tokens(usage.get("output_tokens")));
  }
}
