package io.promptlens.core.analysis;

import java.util.List;

/**
 * Maps a pixel size to the nearest common aspect ratio ("16:9", "3:2", ...). Distance is measured
 * on the logarithm of the ratio, so 2:1 and 1:2 are equally far from 1:1.
 */
public final class AspectRatios {

  /** The ratios image and video models and cameras commonly use, landscape and portrait. */
  public static final List<String> COMMON =
      List.of(
          "1:1", "5:4", "4:3", "3:2", "16:10", "16:9", "2:1", "21:9", "3:1", "4:5", "3:4", "2:3",
          "10:16", "9:16", "1:2", "9:21", "1:3");

  private AspectRatios() {}

  public static String nearest(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("size must be positive");
    }
    if (Orientation.of(width, height) == Orientation.SQUARE) {
      return "1:1";
    }
    double target = Math.log((double) width / height);
    String best = COMMON.get(0);
    double bestDistance = Double.MAX_VALUE;
    for (String ratio : COMMON) {
      double distance = Math.abs(Math.log(value(ratio)) - target);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = ratio;
      }
    }
    return best;
  }

  /** The numeric value W/H of a "W:H" string. */
  public static double value(String ratio) {
    int colon = ratio.indexOf(':');
    if (colon <= 0 || colon == ratio.length() - 1) {
      throw new IllegalArgumentException("not an aspect ratio: " + ratio);
    }
    double w = Double.parseDouble(ratio.substring(0, colon));
    double h = Double.parseDouble(ratio.substring(colon + 1));
    if (w <= 0 || h <= 0) {
      throw new IllegalArgumentException("not an aspect ratio: " + ratio);
    }
    return w / h;
  }
}
