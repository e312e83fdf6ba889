package io.promptlens.providers;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI Chat Completions with image input and structured outputs; also any OpenAI-compatible
 * server (vLLM, LM Studio, llama.cpp server, OpenRouter) at its own base URL.
 *
 * <p>Wire format: {@code POST {baseUrl}/chat/completions} with {@code Authorization: Bearer KEY}
 * (omitted for a compatible server without a key); the user message's content is a text part and an
 * {@code image_url} part holding a {@code data:image/jpeg;base64,...} URL; {@code response_format}
 * is {@code {"type":"json_schema","json_schema":{"name","strict":true,"schema"}}}. The answer is
 * {@code choices[0].message.content} (a JSON string), or {@code choices[0].message.refusal} when
 * the model declined; tokens are {@code usage.prompt_tokens} and {@code usage.completion_tokens}.
 * No temperature or token limit is sent: reasoning models reject a temperature, and the schema
 * bounds the answer; so a {@code finish_reason: length} answer hit the model's own maximum and is
 * reported rather than retried.
 *
 * @see <a href="https://platform.openai.com/docs/api-reference/chat/create">Create chat
 *     completion</a>
 * @see <a href="https://platform.openai.com/docs/guides/images-vision">Images and vision (Base64
 *     data URLs)</a>
 * @see <a href="https://platform.openai.com/docs/guides/structured-outputs">Structured outputs</a>
 * @see <a href="https://platform.openai.com/docs/guides/error-codes">Error codes (429 and
 *     insufficient_quota)</a>
 * @see <a href="https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html">vLLM's
 *     OpenAI-compatible server</a>
 * @see <a href="https://lmstudio.ai/docs/app/api/structured-output">LM Studio structured output</a>
 */
final class OpenAiProvider extends AbstractJsonProvider {

  OpenAiProvider(ProviderConfig config) {
    super(config);
  }

  @Override
  URI endpoint() {
    return URI.create(config.baseUrl() + "/chat/completions");
  }

  @Override
  ObjectNode body(PreparedImage image, @Nullable Repair repair, @Nullable Integer outputLimit) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode body = f.objectNode();
    body.put("model", config.model());
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", DescriptionSchema.SYSTEM);
    ObjectNode user = messages.addObject().put("role", "user");
    ArrayNode content = user.putArray("content");
    content.addObject().put("type", "text").put("text", DescriptionSchema.INSTRUCTION);
    ObjectNode imagePart = content.addObject().put("type", "image_url");
    imagePart
        .putObject("image_url")
        .put("url", "data:" + image.mediaType() + ";base64," + image.base64());
    if (repair != null) {
      repair.appendTurns(messages);
    }
    ObjectNode format = body.putObject("response_format").put("type", "json_schema");
    ObjectNode schema = format.putObject("json_schema");
    schema.put("name", DescriptionSchema.NAME);
    schema.put("strict", true);
    schema.set("schema", DescriptionSchema.jsonSchema());
    return body;
  }

  @Override
  Answer answer(JsonNode response) {
    JsonNode message = response.path("choices").path(0).path("message");
    if (message.isMissingNode()) {
      throw unexpected("choices[0].message");
    }
    String refusal = message.path("refusal").asString("");
    if (!refusal.isBlank()) {
      throw refused(refusal.strip());
    }
    JsonNode usage = response.path("usage");
    return new Answer(
        message.path("content").asString(""),
        tokens(usage.get("prompt_tokens")),
        tokens(usage.get("completion_tokens")),
        "length".equals(response.path("choices").path(0).path("finish_reason").asString("")));
  }
}
