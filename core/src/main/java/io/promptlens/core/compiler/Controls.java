package io.promptlens.core.compiler;

import java.util.List;

/**
 * User controls over one compilation. {@code subject} replaces whatever the analysis says the
 * picture shows (null keeps it); {@code avoid} phrases go to the negative prompt where the target
 * has one, otherwise to a "without ..." clause or a parameter; {@code keep} phrases are always kept
 * when the prompt must be shortened; {@code aspect} ("W:H") overrides the measured ratio.
 */
public record Controls(
    Detail detail,
    boolean paletteHex,
    boolean negativePrompt,
    String aspect,
    String subject,
    List<String> keep,
    List<String> avoid) {

  public Controls {
    detail = detail == null ? Detail.MEDIUM : detail;
    keep = keep == null ? List.of() : List.copyOf(keep);
    avoid = avoid == null ? List.of() : List.copyOf(avoid);
    subject = subject == null || subject.isBlank() ? null : subject.strip();
    aspect = aspect == null || aspect.isBlank() ? null : aspect.strip();
  }

  public static Controls defaults() {
    return new Controls(Detail.MEDIUM, false, true, null, null, List.of(), List.of());
  }
}
