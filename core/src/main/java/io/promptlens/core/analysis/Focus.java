package io.promptlens.core.analysis;

/**
 * Focus and texture (sharpness, depth of field, blur, grain). Filled by the measured-analysis
 * issue; until then every field is null, which the JSON shows as {@code null}: unknown.
 */
public record Focus(Double sharpness, String depthOfField) {

  public static Focus unknown() {
    return new Focus(null, null);
  }
}
