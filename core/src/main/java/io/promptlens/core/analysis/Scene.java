package io.promptlens.core.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Scene labels ("sky", "indoor", ...), each with a confidence. */
public record Scene(List<Label> labels) {

  public Scene {
    labels = List.copyOf(labels);
  }

  public static Scene empty() {
    return new Scene(List.of());
  }

  /**
   * A scene label, its confidence 0..1 and the analyzer or provider that gave it ({@code source}
   * null: the measured scene analyzer, as before sources were recorded).
   */
  public record Label(String label, double confidence, @Nullable String source) {}
}
