package io.promptlens.core.compiler;

import java.util.List;

/**
 * One target model's dialect, as data: how its prompts are written, how long they may be and how
 * that length is counted, whether it takes a negative prompt, and where each rule comes from.
 *
 * @param id stable id used by the CLI and the API
 * @param aliases other ids accepted for the same target
 * @param family model family (for example "stable-diffusion")
 * @param syntax natural-language sentences or comma-separated weighted phrases
 * @param negativePrompt whether the target accepts a separate negative prompt
 * @param lengthUnit how the target counts prompt length
 * @param maxLength the most units a prompt may have before the target truncates or refuses it
 * @param aspectHandling how the image's aspect ratio reaches the target
 * @param docs the public documentation the rules were taken from
 */
public record TargetProfile(
    String id,
    String name,
    TargetKind kind,
    List<String> aliases,
    String family,
    Syntax syntax,
    boolean negativePrompt,
    LengthUnit lengthUnit,
    int maxLength,
    AspectHandling aspectHandling,
    String docs) {

  public TargetProfile {
    aliases = List.copyOf(aliases);
    if (maxLength <= 0) {
      throw new IllegalArgumentException(id + ": maxLength must be positive");
    }
  }

  /** How prompts are written for a target. */
  public enum Syntax {
    /** Sentences, as a person would describe the picture. */
    NATURAL,
    /** Comma-separated phrases, most important first, optionally weighted "(phrase:1.2)". */
    TAGS
  }

  /** The unit a target's length limit is counted in. */
  public enum LengthUnit {
    CLIP_TOKENS,
    T5_TOKENS,
    CHARACTERS
  }

  /** How the aspect ratio is passed to a target. */
  public enum AspectHandling {
    /** As a prompt parameter, like Midjourney's {@code --ar W:H}. */
    PARAMETER,
    /** As an output size from the target's supported resolution buckets. */
    RESOLUTION_BUCKET
  }
}
