package io.promptlens.providers;

import io.promptlens.providers.ProviderException.Reason;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Whether a configured provider will work, found with one cheap authenticated call to its
 * model-listing endpoint (no image, no tokens billed), so a wrong key, a retired or mistyped model
 * and an unreachable server show up before the first describe call:
 *
 * <ul>
 *   <li>OpenAI and compatible servers: {@code GET {baseUrl}/models}, ids in {@code data[].id};
 *   <li>Anthropic: {@code GET {baseUrl}/v1/models?limit=1000}, ids in {@code data[].id};
 *   <li>Gemini: {@code GET {baseUrl}/v1beta/models?pageSize=1000}, names {@code models/ID} in
 *       {@code models[].name};
 *   <li>Ollama: {@code GET {baseUrl}/api/tags}, pulled models in {@code models[].name} ({@code
 *       qwen2.5vl:latest}).
 * </ul>
 *
 * <p>A configured alias matches a listed dated snapshot ({@code claude-haiku-4-5} lists as {@code
 * claude-haiku-4-5-20251001}) and an untagged Ollama name its {@code :latest} tag. Sent once, never
 * retried; the key is never part of a message.
 *
 * @see <a href="https://platform.openai.com/docs/api-reference/models/list">OpenAI: list models</a>
 * @see <a href="https://platform.claude.com/docs/en/api/models/list">Anthropic: list models</a>
 * @see <a href="https://ai.google.dev/api/models#method:-models.list">Gemini: models.list</a>
 * @see <a href="https://github.com/ollama/ollama/blob/main/docs/api.md#list-local-models">Ollama:
 *     list local models</a>
 */
public final class ProviderCheck {

  /** What the check found. */
  public enum Outcome {
    /** The key was accepted and the model is listed and not retired. */
    OK,
    /** The catalog says the model is past its retirement date. */
    RETIRED,
    /** The key was accepted but the model is not among those listed. */
    MODEL_NOT_LISTED,
    /** The provider needs a key and none is set. */
    NO_KEY,
    /** The service refused the key (401, 403, Gemini's API_KEY_INVALID). */
    KEY_REJECTED,
    /** The server could not be reached or did not answer in time. */
    UNREACHABLE,
    /** Any other failure: a 5xx, an unexpected body, a quota. */
    FAILED
  }

  /** One provider's result; {@code message} is one line fit for a user. */
  public record Result(
      ProviderKind kind, @Nullable String model, Outcome outcome, @Nullable String message) {
    public boolean ok() {
      return outcome == Outcome.OK;
    }
  }

  private ProviderCheck() {}

  /** Checks the config's key and model with one model-list call. Blocks; thread-safe. */
  public static Result run(ProviderConfig config, LocalDate today) {
    ProviderConfig once = config.withMaxRetries(0);
    ProviderKind kind = config.kind();
    String model = config.model();
    List<String> listed;
    try {
      JsonNode body =
          new HttpJson(once).get(endpoint(once), headers(once), Cancellation.create()).body();
      listed = ids(kind, body);
    } catch (ProviderException e) {
      return new Result(kind, model, outcome(e.reason()), e.getMessage());
    }
    Optional<String> retired = config.retirementWarning(today);
    if (retired.isPresent()) {
      return new Result(kind, model, Outcome.RETIRED, retired.get());
    }
    if (listed.stream().noneMatch(id -> matches(kind, model, id))) {
      return new Result(
          kind,
          model,
          Outcome.MODEL_NOT_LISTED,
          kind
              + ": the key works, but model '"
              + model
              + "' is not among the "
              + listed.size()
              + " models listed"
              + (kind == ProviderKind.OLLAMA ? "; run `ollama pull " + model + "`" : "")
              + "; check --model");
    }
    return new Result(
        kind, model, Outcome.OK, kind + ": the key works and model '" + model + "' is available");
  }

  /** The result for a provider whose key is missing, without any call. */
  public static Result noKey(ProviderKind kind, @Nullable String model) {
    return new Result(
        kind, model, Outcome.NO_KEY, kind + ": no API key: set " + kind.keyVariable());
  }

  static URI endpoint(ProviderConfig config) {
    String base = config.baseUrl().toString();
    return URI.create(
        switch (config.kind()) {
          case OPENAI, OPENAI_COMPATIBLE -> base + "/models";
          case ANTHROPIC -> base + "/v1/models?limit=1000";
          case GEMINI -> base + "/v1beta/models?pageSize=1000";
          case OLLAMA -> base + "/api/tags";
        });
  }

  static Map<String, String> headers(ProviderConfig config) {
    String key = config.apiKey();
    return switch (config.kind()) {
      case ANTHROPIC ->
          Map.of("x-api-key", key, "anthropic-version", AnthropicProvider.API_VERSION);
      case GEMINI -> Map.of("x-goog-api-key", key);
      case OPENAI, OPENAI_COMPATIBLE, OLLAMA ->
          key == null ? Map.of() : Map.of("Authorization", "Bearer " + key);
    };
  }

  private static List<String> ids(ProviderKind kind, JsonNode body) {
    String list =
        switch (kind) {
          case GEMINI, OLLAMA -> "models";
          case OPENAI, OPENAI_COMPATIBLE, ANTHROPIC -> "data";
        };
    String field =
        switch (kind) {
          case GEMINI, OLLAMA -> "name";
          case OPENAI, OPENAI_COMPATIBLE, ANTHROPIC -> "id";
        };
    JsonNode items = body.path(list);
    if (!items.isArray()) {
      throw new ProviderException(
          Reason.SERVER, 200, kind + ": unexpected response: " + list + " is missing");
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode item : items) {
      String id = item.path(field).asString("");
      ids.add(id.startsWith("models/") ? id.substring("models/".length()) : id);
    }
    return ids;
  }

  static boolean matches(ProviderKind kind, String wanted, String listed) {
    String model = wanted.startsWith("models/") ? wanted.substring("models/".length()) : wanted;
    if (listed.equals(model)) {
      return true;
    }
    if (kind == ProviderKind.OLLAMA) {
      return !model.contains(":") && listed.equals(model + ":latest");
    }
    // An alias against its dated snapshot: claude-haiku-4-5 lists as claude-haiku-4-5-20251001.
    return listed.startsWith(model + "-") && listed.substring(model.length() + 1).matches("\\d{8}");
  }

  private static Outcome outcome(Reason reason) {
    return switch (reason) {
      case AUTHENTICATION -> Outcome.KEY_REJECTED;
      case CONNECTION, TIMEOUT -> Outcome.UNREACHABLE;
      default -> Outcome.FAILED;
    };
  }
}
