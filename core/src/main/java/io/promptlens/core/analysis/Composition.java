package io.promptlens.core.analysis;

/**
 * Composition (subject position, shot scale, symmetry, horizon). Filled by the measured-analysis
 * issue; until then every field is null: unknown.
 */
public record Composition(String subjectPosition, String shotScale) {

  public static Composition unknown() {
    return new Composition(null, null);
  }
}
