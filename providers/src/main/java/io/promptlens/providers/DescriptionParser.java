package io.promptlens.providers;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates a model's answer against {@link DescriptionSchema}. Lenient where a model's
 * slip is harmless (code fences around the JSON, a missing optional string, a confidence of 1.2),
 * strict where the answer would be wrong (not JSON, subjects not a list, a subject without a name,
 * nothing described at all). The error text goes back to the model in the repair request, so it
 * names the field at fault.
 */
final class DescriptionParser {

  /** Longest string kept from a model, so a runaway answer cannot flood a prompt. */
  static final int MAX_TEXT = 500;

  static final int MAX_SUBJECTS = 10;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private DescriptionParser() {}

  /** An answer that failed validation; the message says why, in words fit for the model. */
  static final class MalformedReplyException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedReplyException(String message) {
      super(message);
    }
  }

  static ProviderDescription parse(String answer) throws MalformedReplyException {
    if (answer == null || answer.isBlank()) {
      throw new MalformedReplyException("the answer was empty");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(unwrap(answer));
    } catch (JacksonException e) {
      throw new MalformedReplyException("the answer is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MalformedReplyException("the answer is not a JSON object");
    }
    JsonNode subjectsNode = root.get("subjects");
    if (subjectsNode == null || !subjectsNode.isArray()) {
      throw new MalformedReplyException("\"subjects\" must be an array");
    }
    List<ProviderDescription.Subject> subjects = new ArrayList<>();
    for (int i = 0; i < subjectsNode.size() && subjects.size() < MAX_SUBJECTS; i++) {
      subjects.add(subject(subjectsNode.get(i), i));
    }
    ProviderDescription description =
        new ProviderDescription(
            text(root, "description"),
            subjects,
            text(root, "action"),
            text(root, "setting"),
            text(root, "style"),
            text(root, "mood"),
            text(root, "camera"),
            text(root, "lighting"),
            text(root, "visible_text"),
            null);
    if (description.description().isEmpty() && subjects.isEmpty()) {
      throw new MalformedReplyException("the answer has neither a description nor subjects");
    }
    return description;
  }

  private static ProviderDescription.Subject subject(JsonNode node, int index)
      throws MalformedReplyException {
    if (node.isString() && !node.asString().isBlank()) {
      return new ProviderDescription.Subject(clip(node.asString()), List.of(), null);
    }
    JsonNode name = node.isObject() ? node.get("name") : null;
    if (name == null || !name.isString() || name.asString().isBlank()) {
      throw new MalformedReplyException("subjects[" + index + "].name must be a non-empty string");
    }
    List<String> attributes = new ArrayList<>();
    JsonNode attributesNode = node.get("attributes");
    if (attributesNode != null && attributesNode.isArray()) {
      for (JsonNode attribute : attributesNode) {
        if (attribute.isString() && !attribute.asString().isBlank() && attributes.size() < 10) {
          attributes.add(clip(attribute.asString().strip()));
        }
      }
    }
    Double confidence = null;
    JsonNode confidenceNode = node.get("confidence");
    if (confidenceNode != null && !confidenceNode.isNull()) {
      if (!confidenceNode.isNumber()) {
        throw new MalformedReplyException(
            "subjects[" + index + "].confidence must be a number from 0 to 1");
      }
      confidence = Math.max(0, Math.min(1, confidenceNode.asDouble()));
    }
    return new ProviderDescription.Subject(clip(name.asString()), attributes, confidence);
  }

  private static String text(JsonNode root, String field) throws MalformedReplyException {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return "";
    }
    if (!node.isString()) {
      throw new MalformedReplyException("\"" + field + "\" must be a string");
    }
    return clip(node.asString());
  }

  private static String clip(String text) {
    String stripped = text.strip();
    return stripped.length() <= MAX_TEXT ? stripped : stripped.substring(0, MAX_TEXT);
  }

  /** Drops Markdown code fences or prose around the object, which some models add. */
  static String unwrap(String answer) {
    String text = answer.strip();
    int start = text.indexOf('{');
    int end = text.lastIndexOf('}');
    if (start >= 0 && end > start) {
      return text.substring(start, end + 1);
    }
    return text;
  }
}
