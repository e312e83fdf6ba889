package io.promptlens.core.analysis;

/**
 * What kind of thing the main subject is. The JSON value is the lower-case name ("person",
 * "animal", "object", "text", "form", "surface"), the contract's wire names since schema 1.
 */
public enum SubjectCategory {
  PERSON,
  ANIMAL,
  OBJECT,
  /** A page of text. */
  TEXT,
  /** A measured shape with no name. */
  FORM,
  /** No single subject stands out: an all-over surface. */
  SURFACE;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
