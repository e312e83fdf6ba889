package io.promptlens.core.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The medium estimate with its confidence (0..1); {@code unknown} with 0 when not analysed. {@code
 * styles} (may be null: unknown) lists style traits seen in the statistics, such as "line art" or
 * "pixel art".
 */
public record Medium(MediumLabel label, double confidence, @Nullable List<String> styles) {

  public Medium {
    styles = styles == null ? null : List.copyOf(styles);
  }

  /** A medium with its confidence; its styles unknown. */
  public static Medium of(MediumLabel label, double confidence) {
    return new Medium(label, confidence, null);
  }

  public static Medium unknown() {
    return Medium.of(MediumLabel.UNKNOWN, 0);
  }
}
