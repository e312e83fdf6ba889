package io.promptlens.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DescriptionSchemaTest {

  @Test
  void everyPropertyIsRequiredAndNoOtherIsAllowed() {
    JsonNode schema = DescriptionSchema.jsonSchema();

    List<String> properties = new ArrayList<>(schema.path("properties").propertyNames());
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(n -> required.add(n.asString()));
    assertThat(required).containsExactlyElementsOf(properties);
    assertThat(properties)
        .containsExactly(
            "description",
            "subjects",
            "action",
            "setting",
            "style",
            "mood",
            "camera",
            "lighting",
            "visible_text");
    assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    JsonNode subject = schema.path("properties").path("subjects").path("items");
    assertThat(subject.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(subject.path("required").size()).isEqualTo(3);
  }

  @Test
  void theGeminiFormUsesItsOpenApiSubset() {
    String gemini = DescriptionSchema.geminiSchema().toString();

    assertThat(gemini).doesNotContain("additionalProperties");
    assertThat(gemini).contains("\"type\":\"OBJECT\"", "\"type\":\"ARRAY\"", "\"type\":\"NUMBER\"");
    assertThat(gemini).doesNotContain("\"type\":\"object\"");
    assertThat(gemini).contains("\"propertyOrdering\":[\"name\",\"attributes\",\"confidence\"]");
  }
}
