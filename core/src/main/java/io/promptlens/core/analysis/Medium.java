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

  /** The original two-field form; styles unknown. */
  public Medium(MediumLabel label, double confidence) {
    this(label, confidence, null);
  }

  public static Medium unknown() {
    return new Medium(MediumLabel.UNKNOWN, 0);
  }
}
