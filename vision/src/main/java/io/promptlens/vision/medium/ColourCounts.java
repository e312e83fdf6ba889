package io.promptlens.vision.medium;

/**
 * Exact-colour counts of a pixel sample in an open-addressing hash table (no per-pixel objects):
 * how many distinct colours there are and how much of the image the most common ones cover.
 */
final class ColourCounts {

  private final int[] keys;
  private final int[] counts;
  private final int total;
  private int distinct;

  private ColourCounts(int capacity, int total) {
    keys = new int[capacity];
    counts = new int[capacity];
    java.util.Arrays.fill(keys, -1);
    this.total = total;
  }

  static ColourCounts of(int[] rgb) {
    int capacity = Integer.highestOneBit(Math.max(16, rgb.length)) << 1;
    ColourCounts c = new ColourCounts(capacity, rgb.length);
    int mask = capacity - 1;
    for (int color : rgb) {
      int key = color & 0xFFFFFF;
      int slot = (key * 0x9E3779B9) >>> 7 & mask;
      while (c.keys[slot] != -1 && c.keys[slot] != key) {
        slot = (slot + 1) & mask;
      }
      if (c.keys[slot] == -1) {
        c.keys[slot] = key;
        c.distinct++;
      }
      c.counts[slot]++;
    }
    return c;
  }

  int distinct() {
    return distinct;
  }

  /** Share of pixels covered by the {@code k} most common colours. */
  double topCoverage(int k) {
    int[] top = new int[k];
    for (int count : counts) {
      if (count > top[k - 1]) {
        int i = k - 1;
        while (i > 0 && top[i - 1] < count) {
          top[i] = top[i - 1];
          i--;
        }
        top[i] = count;
      }
    }
    long sum = 0;
    for (int t : top) {
      sum += t;
    }
    return total == 0 ? 0 : sum / (double) total;
  }
}
