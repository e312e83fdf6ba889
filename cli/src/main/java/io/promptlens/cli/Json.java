package io.promptlens.cli;

import io.promptlens.vision.json.AnalysisJson;
import tools.jackson.databind.node.ObjectNode;

/** JSON Lines output: one object per input, led by the file name as given. */
final class Json {

  private Json() {}

  static String line(String file, Object value) {
    ObjectNode node = AnalysisJson.mapper().createObjectNode();
    node.put("file", file);
    node.setAll((ObjectNode) AnalysisJson.mapper().valueToTree(value));
    return AnalysisJson.mapper().writeValueAsString(node);
  }
}
