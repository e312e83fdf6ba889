package io.promptlens.core.analysis;

/** The container formats intake accepts. The JSON value is the lower-case name. */
public enum ImageFormat {
  JPEG,
  PNG,
  WEBP,
  GIF,
  BMP,
  TIFF;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
