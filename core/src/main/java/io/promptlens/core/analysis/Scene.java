package io.promptlens.core.analysis;

import java.util.List;

/** Scene labels ("sky", "indoor", ...), each with a confidence. */
public record Scene(List<Label> labels) {

  public Scene {
    labels = List.copyOf(labels);
  }

  public static Scene empty() {
    return new Scene(List.of());
  }

  /** A scene label and its confidence 0..1. */
  public record Label(String label, double confidence) {}
}
