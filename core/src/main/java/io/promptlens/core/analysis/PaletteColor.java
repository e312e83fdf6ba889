package io.promptlens.core.analysis;

/** One palette entry: sRGB hex "#RRGGBB", a human colour name and its share of the pixels. */
public record PaletteColor(String hex, String name, double share) {

  public PaletteColor {
    if (hex == null || !hex.matches("#[0-9A-F]{6}")) {
      throw new IllegalArgumentException("hex must be #RRGGBB in upper case: " + hex);
    }
    if (share < 0 || share > 1) {
      throw new IllegalArgumentException("share must be within 0..1: " + share);
    }
  }
}
