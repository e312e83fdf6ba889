package io.promptlens.vision.json;

import io.promptlens.core.analysis.ImageAnalysis;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of PromptLens's public types (ImageAnalysis, PromptResult), shared by the
 * CLI and the app so both speak the same contract: enums as their lower-case wire names, nulls
 * written, unknown properties ignored on read.
 */
public final class AnalysisJson {

  private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

  private AnalysisJson() {}

  /** Applies the contract's settings to a builder (the app applies them to Boot's mapper). */
  public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
    return builder
        .enable(tools.jackson.databind.cfg.EnumFeature.WRITE_ENUMS_USING_TO_STRING)
        .enable(tools.jackson.databind.cfg.EnumFeature.READ_ENUMS_USING_TO_STRING)
        .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  public static JsonMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static ImageAnalysis readAnalysis(String json) {
    return MAPPER.readValue(json, ImageAnalysis.class);
  }
}
