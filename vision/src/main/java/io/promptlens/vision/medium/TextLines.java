package io.promptlens.vision.medium;

import io.promptlens.vision.measure.LumaPlane;

/**
 * Text-line structure of a page: the horizontal projection profile of ink, the classic first step
 * of page layout analysis (e.g. G. Nagy, "Twenty years of document image analysis in PAMI", IEEE
 * PAMI 2000). Paper is the brightest quarter's level; ink is darker than 60 % of it. A row is a
 * text row when at least {@link #ROW_INK} of it is ink; a text line is a run of text rows between
 * blank rows whose height is 0.3–8 % of the page (a line of 12-point type on an A4 page is ~1.4 %).
 */
final class TextLines {

  static final double ROW_INK = 0.005;

  private TextLines() {}

  static int count(LumaPlane p) {
    int w = p.width();
    int h = p.height();
    float paper = paperLevel(p);
    if (paper < 0.6f * 255) {
      return 0;
    }
    float ink = 0.6f * paper;
    int lines = 0;
    int run = 0;
    int minRun = Math.max(2, (int) Math.round(0.003 * h));
    int maxRun = Math.max(minRun, (int) Math.round(0.08 * h));
    for (int y = 0; y < h; y++) {
      int dark = 0;
      for (int x = 0; x < w; x++) {
        if (p.values()[y * w + x] < ink) {
          dark++;
        }
      }
      if (dark >= ROW_INK * w && dark < 0.7 * w) {
        run++;
      } else {
        if (run >= minRun && run <= maxRun) {
          lines++;
        }
        run = 0;
      }
    }
    return lines;
  }

  /** Share of pixels within 8 % of the paper level. */
  static double paperShare(LumaPlane p) {
    float paper = paperLevel(p);
    int n = 0;
    for (float v : p.values()) {
      if (Math.abs(v - paper) <= 0.08f * paper) {
        n++;
      }
    }
    return n / (double) p.values().length;
  }

  /** The 75th percentile of luma, from a 256-bin histogram. */
  private static float paperLevel(LumaPlane p) {
    int[] histogram = new int[256];
    for (float v : p.values()) {
      histogram[Math.min(255, Math.max(0, (int) v))]++;
    }
    int target = (int) (0.25 * p.values().length);
    int seen = 0;
    for (int i = 255; i >= 0; i--) {
      seen += histogram[i];
      if (seen >= target) {
        return i + 0.5f;
      }
    }
    return 0;
  }
}
