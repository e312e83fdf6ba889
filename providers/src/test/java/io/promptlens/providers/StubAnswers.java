package io.promptlens.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a stubbed provider answers, in the documented wire format: the one fox description, and
 * Ollama's /api/chat envelope around an answer. Shared with the cli and app tests through this
 * module's test jar, so their stubs answer as the provider tests' do.
 */
public final class StubAnswers {

  private StubAnswers() {}

  /** A valid description: a red fox in fresh snow, with every field of the schema. */
  public static final String FOX =
      "{\"description\":\"a red fox in fresh snow\",\"subjects\":[{\"name\":\"red fox\","
          + "\"attributes\":[\"bushy tail\"],\"confidence\":0.93}],\"action\":\"standing\","
          + "\"setting\":\"fresh snow\",\"style\":\"wildlife photograph\",\"mood\":\"calm\","
          + "\"camera\":\"eye-level telephoto\",\"lighting\":\"soft overcast daylight\","
          + "\"visible_text\":\"\"}";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Ollama's non-streaming /api/chat response around {@code answer}: 1000 in, 50 out tokens. */
  public static String ollamaChat(String model, String answer) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", model).put("created_at", "2025-10-01T12:00:00.000Z");
    root.putObject("message").put("role", "assistant").put("content", answer);
    root.put("done_reason", "stop").put("done", true);
    root.put("total_duration", 4_883_583_458L).put("prompt_eval_count", 1000);
    root.put("eval_count", 50);
    return root.toString();
  }

  /** A 200 with {@link #ollamaChat} from Ollama's default model. */
  public static ResponseDefinitionBuilder okOllamaChat(String answer) {
    return okJson(ollamaChat(ProviderKind.OLLAMA.defaultModel(), answer));
  }
}
