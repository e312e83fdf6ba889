package io.promptlens.providers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one description schema every provider is asked for, and the instructions that go with it.
 *
 * <p>{@link #jsonSchema()} follows the subset OpenAI's strict structured outputs accept (every
 * property required, {@code additionalProperties: false}, no numeric bounds), which Anthropic's
 * tool {@code input_schema} and Ollama's {@code format} accept as well. {@link #geminiSchema()} is
 * the same tree in the OpenAPI 3.0 subset Gemini's {@code responseSchema} takes: upper-case type
 * names, no {@code additionalProperties}, and {@code propertyOrdering} so the answer keeps the
 * order of the instructions.
 */
final class DescriptionSchema {

  /** The name OpenAI's {@code json_schema} and Anthropic's forced tool carry. */
  static final String NAME = "image_description";

  static final String SYSTEM =
      "You describe images for people who write prompts for image generators. Report only what is"
          + " visible; do not guess names of people. Answer with one JSON object that matches the"
          + " given schema and nothing else.";

  static final String INSTRUCTION =
      "Describe this image as JSON. description: one sentence about the whole image. subjects: the"
          + " main things or beings, most prominent first, at most 5; name is a short noun phrase"
          + " with its key adjective (for example \"red fox\"), attributes are short visible"
          + " traits, confidence is 0 to 1. action: what the subjects are doing. setting: where it"
          + " is, as a short place phrase. style: the medium and visual style. mood: the feeling."
          + " camera: shot scale, angle, lens and depth of field. lighting: the light. visible_text:"
          + " text legible in the image, verbatim. Use \"\" for anything you cannot tell.";

  private static final Map<String, String> FIELDS = fields();

  private DescriptionSchema() {}

  /** The field names in the order the model is asked to answer. */
  static Iterable<String> fieldNames() {
    return FIELDS.keySet();
  }

  static ObjectNode jsonSchema() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode subject = f.objectNode();
    subject.put("type", "object");
    ObjectNode subjectProps = subject.putObject("properties");
    subjectProps.set("name", string("short noun phrase with its key adjective, e.g. red fox"));
    ObjectNode attributes = subjectProps.putObject("attributes");
    attributes.put("type", "array");
    attributes.put("description", "short visible traits");
    attributes.set("items", string(null));
    ObjectNode confidence = subjectProps.putObject("confidence");
    confidence.put("type", "number");
    confidence.put("description", "0 to 1");
    subject.set("required", names(f, "name", "attributes", "confidence"));
    subject.put("additionalProperties", false);

    ObjectNode root = f.objectNode();
    root.put("type", "object");
    ObjectNode props = root.putObject("properties");
    ArrayNode required = root.putArray("required");
    for (Map.Entry<String, String> field : FIELDS.entrySet()) {
      if (field.getKey().equals("subjects")) {
        ObjectNode subjects = props.putObject("subjects");
        subjects.put("type", "array");
        subjects.put("description", field.getValue());
        subjects.set("items", subject);
      } else {
        props.set(field.getKey(), string(field.getValue()));
      }
      required.add(field.getKey());
    }
    root.put("additionalProperties", false);
    return root;
  }

  static ObjectNode geminiSchema() {
    return toGemini(jsonSchema());
  }

  private static ObjectNode toGemini(ObjectNode node) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      switch (key) {
        case "additionalProperties" -> {
          // Not part of Gemini's schema subset.
        }
        case "type" -> out.put("type", value.asString().toUpperCase(Locale.ROOT));
        case "items" -> out.set("items", toGemini((ObjectNode) value));
        case "properties" -> {
          ObjectNode props = out.putObject("properties");
          ArrayNode order = JsonNodeFactory.instance.arrayNode();
          for (Map.Entry<String, JsonNode> prop : value.properties()) {
            props.set(prop.getKey(), toGemini((ObjectNode) prop.getValue()));
            order.add(prop.getKey());
          }
          out.set("propertyOrdering", order);
        }
        default -> out.set(key, value.deepCopy());
      }
    }
    return out;
  }

  private static ObjectNode string(@Nullable String description) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("type", "string");
    if (description != null) {
      node.put("description", description);
    }
    return node;
  }

  private static ArrayNode names(JsonNodeFactory f, String... names) {
    ArrayNode array = f.arrayNode();
    for (String name : names) {
      array.add(name);
    }
    return array;
  }

  private static Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("description", "one sentence about the whole image");
    fields.put("subjects", "the main things or beings, most prominent first, at most 5");
    fields.put("action", "what the subjects are doing, or empty");
    fields.put("setting", "where it is, a short place phrase");
    fields.put("style", "medium and visual style");
    fields.put("mood", "the feeling of the image");
    fields.put("camera", "shot scale, angle, lens, depth of field");
    fields.put("lighting", "the light");
    fields.put("visible_text", "text legible in the image, verbatim, or empty");
    return java.util.Collections.unmodifiableMap(fields);
  }
}
