package io.promptlens.providers;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ollama's native chat API, for local vision models.
 *
 * <p>Wire format: {@code POST {baseUrl}/api/chat} with {@code stream: false}; the user message has
 * {@code content} and {@code images: [base64]} (plain Base64, no data URL); {@code format} is the
 * JSON schema the answer is constrained to; {@code options.temperature: 0} keeps the answer
 * repeatable. The answer is {@code message.content}; tokens are {@code prompt_eval_count} and
 * {@code eval_count}. No key is needed locally; when {@code OLLAMA_API_KEY} is set (a hosted or
 * proxied Ollama) it is sent as {@code Authorization: Bearer}. Errors come as {@code {"error":
 * "..."}}, e.g. 404 for a model that was not pulled.
 *
 * @see <a href="https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion">
 *     Ollama API: generate a chat completion</a>
 * @see <a href="https://ollama.com/blog/structured-outputs">Structured outputs (format: schema)</a>
 */
final class OllamaProvider extends AbstractJsonProvider {

  OllamaProvider(ProviderConfig config) {
    super(config);
  }

  @Override
  URI endpoint() {
    return URI.create(config.baseUrl() + "/api/chat");
  }

  @Override
  ObjectNode body(PreparedImage image, @Nullable Repair repair, @Nullable Integer outputLimit) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode body = f.objectNode();
    body.put("model", config.model());
    body.put("stream", false);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", DescriptionSchema.SYSTEM);
    ObjectNode user =
        messages.addObject().put("role", "user").put("content", DescriptionSchema.INSTRUCTION);
    user.putArray("images").add(image.base64());
    if (repair != null) {
      repair.appendTurns(messages);
    }
    body.set("format", DescriptionSchema.jsonSchema());
    body.putObject("options").put("temperature", 0);
    return body;
  }

  @Override
  Answer answer(JsonNode response) {
    JsonNode message = response.path("message");
    if (message.isMissingNode()) {
      throw unexpected("message");
    }
    return new Answer(
        message.path("content").asString(""),
        tokens(response.get("prompt_eval_count")),
        tokens(response.get("eval_count")),
        "length".equals(response.path("done_reason").asString("")));
  }
}
