package io.promptlens.core.analysis;

/** The medium estimate with its confidence (0..1); {@code unknown} with 0 when not analysed. */
public record Medium(MediumLabel label, double confidence) {

  public static Medium unknown() {
    return new Medium(MediumLabel.UNKNOWN, 0);
  }
}
