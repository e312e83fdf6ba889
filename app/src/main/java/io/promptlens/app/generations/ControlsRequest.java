package io.promptlens.app.generations;

import io.promptlens.core.analysis.AspectRatios;
import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Detail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The controls as a client sends them, every field optional. {@link #toControls()} applies the
 * defaults (medium detail, no hex codes, negative prompt on) and turns bad values into 400s with a
 * message that names the field.
 *
 * @param keep phrases; each may itself hold several, separated by commas or new lines
 * @param avoid phrases, split the same way
 * @param cameraTerms shot, lens and composition terms (default on)
 * @param weights {@code (phrase:1.2)} weights for Stable Diffusion targets (default off)
 * @param maxLength a limit below the target's own, in the target's unit
 * @param variations how many prompts to write (1–5, default 1): the answer's {@code variations}
 *     holds those after the first, which is {@code prompt}; only the first is stored
 */
record ControlsRequest(
    @Nullable String detail,
    @Nullable Boolean paletteHex,
    @Nullable Boolean negativePrompt,
    @Nullable String aspect,
    @Nullable String subject,
    @Nullable List<String> keep,
    @Nullable List<String> avoid,
    @Nullable Boolean cameraTerms,
    @Nullable Boolean weights,
    @Nullable Integer maxLength,
    @Nullable Integer variations) {

  /** Bounds that keep a stored generation small; far above what a useful prompt needs. */
  static final int MAX_SUBJECT = 500;

  static final int MAX_PHRASES = 30;
  static final int MAX_PHRASE = 200;

  /** Side by side on a page; the compiler allows more, but five already fill a wide screen. */
  static final int MAX_VARIATIONS = 5;

  static ControlsRequest none() {
    return new ControlsRequest(null, null, null, null, null, null, null, null, null, null, null);
  }

  Controls toControls() {
    Detail parsedDetail = Detail.MEDIUM;
    if (detail != null && !detail.isBlank()) {
      try {
        parsedDetail = Detail.parse(detail);
      } catch (IllegalArgumentException e) {
        throw new InvalidPromptRequestException(e.getMessage());
      }
    }
    if (subject != null && subject.strip().length() > MAX_SUBJECT) {
      throw new InvalidPromptRequestException(
          "subject is too long (at most " + MAX_SUBJECT + " characters)");
    }
    if (maxLength != null && maxLength < Controls.MIN_MAX_LENGTH) {
      throw new InvalidPromptRequestException(
          "maxLength must be at least " + Controls.MIN_MAX_LENGTH);
    }
    if (variations != null && (variations < 1 || variations > MAX_VARIATIONS)) {
      throw new InvalidPromptRequestException(
          "variations must be between 1 and " + MAX_VARIATIONS + " (got " + variations + ")");
    }
    return new Controls(
        parsedDetail,
        paletteHex != null && paletteHex,
        negativePrompt == null || negativePrompt,
        validAspect(aspect),
        subject,
        phrases("keep", keep),
        phrases("avoid", avoid),
        cameraTerms == null || cameraTerms,
        weights != null && weights,
        maxLength,
        variations == null ? 1 : variations,
        0);
  }

  private static @Nullable String validAspect(@Nullable String aspect) {
    if (aspect == null || aspect.isBlank() || aspect.strip().equalsIgnoreCase("auto")) {
      return null;
    }
    String ratio = aspect.strip().toLowerCase(Locale.ROOT).replace('x', ':');
    try {
      double value = AspectRatios.value(ratio);
      if (value < 1.0 / 21 || value > 21) {
        throw new IllegalArgumentException(ratio);
      }
      return ratio;
    } catch (IllegalArgumentException e) {
      throw new InvalidPromptRequestException(
          "aspect '"
              + aspect
              + "' is not a ratio like 16:9 or 2:3 (or leave it empty to measure it)");
    }
  }

  private static List<String> phrases(String field, @Nullable List<String> values) {
    List<String> phrases = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        if (value == null) {
          continue;
        }
        for (String phrase : value.split("[,\\n]")) {
          if (!phrase.isBlank()) {
            phrases.add(phrase.strip());
          }
        }
      }
    }
    if (phrases.size() > MAX_PHRASES) {
      throw new InvalidPromptRequestException(
          field + " has too many phrases (at most " + MAX_PHRASES + ")");
    }
    if (phrases.stream().anyMatch(phrase -> phrase.length() > MAX_PHRASE)) {
      throw new InvalidPromptRequestException(
          field + " has a phrase longer than " + MAX_PHRASE + " characters");
    }
    return phrases;
  }
}
