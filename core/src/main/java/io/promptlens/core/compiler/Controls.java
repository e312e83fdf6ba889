package io.promptlens.core.compiler;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * User controls over one compilation.
 *
 * @param detail how much of the analysis goes in (null: medium)
 * @param paletteHex whether palette colours carry their hex codes
 * @param negativePrompt whether to write a negative prompt where the target takes one
 * @param aspect "W:H" overriding the measured ratio (null: measured)
 * @param subject replaces whatever the analysis says the picture shows (null keeps it)
 * @param keep phrases that are always in the prompt and never trimmed
 * @param avoid phrases that go to the negative prompt, or to a parameter such as Midjourney's
 *     {@code --no}; where the target has neither they are left out with a warning
 * @param cameraTerms whether shot-scale, depth-of-field and composition terms go in (null: yes);
 *     video camera moves are always written
 * @param weights whether Stable Diffusion targets get {@code (phrase:1.2)} weights; off by default
 *     because plain diffusers pipelines read the parentheses literally
 * @param maxLength a limit below the target's own, in the target's unit (null: the target's)
 * @param variations how many prompts {@link PromptCompiler#compileVariations} returns (0 means 1)
 * @param seed the seed variations are drawn from; the same seed gives the same variations
 */
public record Controls(
    Detail detail,
    boolean paletteHex,
    boolean negativePrompt,
    @Nullable String aspect,
    @Nullable String subject,
    List<String> keep,
    List<String> avoid,
    Boolean cameraTerms,
    boolean weights,
    @Nullable Integer maxLength,
    int variations,
    long seed) {

  /**
   * The smallest length limit a user may set, in the target's unit: below it not even a subject and
   * a medium fit, and a prompt cut to a letter or two is worse than a refusal.
   */
  public static final int MIN_MAX_LENGTH = 16;

  /** The most variations one call may ask for. */
  public static final int MAX_VARIATIONS = 20;

  public Controls {
    detail = detail == null ? Detail.MEDIUM : detail;
    keep = clean(keep);
    avoid = clean(avoid);
    subject = subject == null || subject.isBlank() ? null : subject.strip();
    aspect = aspect == null || aspect.isBlank() ? null : aspect.strip();
    cameraTerms = cameraTerms == null || cameraTerms;
    variations = variations == 0 ? 1 : variations;
    if (variations < 1 || variations > MAX_VARIATIONS) {
      throw new IllegalArgumentException(
          "variations must be between 1 and " + MAX_VARIATIONS + " (got " + variations + ")");
    }
    if (maxLength != null && maxLength < MIN_MAX_LENGTH) {
      throw new IllegalArgumentException(
          "maxLength must be at least " + MIN_MAX_LENGTH + " (got " + maxLength + ")");
    }
  }

  /** The controls of the first release: camera terms on, no weights, one prompt. */
  public Controls(
      Detail detail,
      boolean paletteHex,
      boolean negativePrompt,
      @Nullable String aspect,
      @Nullable String subject,
      List<String> keep,
      List<String> avoid) {
    this(detail, paletteHex, negativePrompt, aspect, subject, keep, avoid, true, false, null, 1, 0);
  }

  public static Controls defaults() {
    return new Controls(Detail.MEDIUM, false, true, null, null, List.of(), List.of());
  }

  public Controls withCameraTerms(boolean on) {
    return new Controls(
        detail,
        paletteHex,
        negativePrompt,
        aspect,
        subject,
        keep,
        avoid,
        on,
        weights,
        maxLength,
        variations,
        seed);
  }

  public Controls withWeights(boolean on) {
    return new Controls(
        detail,
        paletteHex,
        negativePrompt,
        aspect,
        subject,
        keep,
        avoid,
        cameraTerms,
        on,
        maxLength,
        variations,
        seed);
  }

  /** A limit below the target's own; null restores the target's. */
  public Controls withMaxLength(Integer limit) {
    return new Controls(
        detail,
        paletteHex,
        negativePrompt,
        aspect,
        subject,
        keep,
        avoid,
        cameraTerms,
        weights,
        limit,
        variations,
        seed);
  }

  public Controls withVariations(int count, long variationSeed) {
    return new Controls(
        detail,
        paletteHex,
        negativePrompt,
        aspect,
        subject,
        keep,
        avoid,
        cameraTerms,
        weights,
        maxLength,
        count,
        variationSeed);
  }

  private static List<String> clean(List<String> phrases) {
    if (phrases == null) {
      return List.of();
    }
    return phrases.stream()
        .filter(p -> p != null && !p.isBlank())
        .map(String::strip)
        .distinct()
        .toList();
  }
}
