package io.promptlens.core.analysis;

import java.util.List;

/**
 * Something recognised in the image. {@code box} is [x, y, w, h] normalised to 0..1 of the oriented
 * image; {@code source} names the analyzer or provider that found it.
 */
public record Subject(String label, double confidence, List<Double> box, String source) {

  public Subject {
    box = List.copyOf(box);
    if (box.size() != 4) {
      throw new IllegalArgumentException("box must be [x, y, w, h]");
    }
  }
}
