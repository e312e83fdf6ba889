package io.promptlens.core.analysis;

/** What kind of picture this is. The JSON value is the lower-case name. */
public enum MediumLabel {
  PHOTO,
  ILLUSTRATION,
  PAINTING,
  THREE_D_RENDER("3d_render"),
  GRAPHIC,
  DOCUMENT,
  UNKNOWN;

  private final String wire;

  MediumLabel() {
    this.wire = name().toLowerCase(java.util.Locale.ROOT);
  }

  MediumLabel(String wire) {
    this.wire = wire;
  }

  @Override
  public String toString() {
    return wire;
  }
}
