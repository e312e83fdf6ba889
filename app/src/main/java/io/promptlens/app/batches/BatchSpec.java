package io.promptlens.app.batches;

import io.promptlens.core.caption.CaptionStyle;
import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Detail;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.TargetRegistry;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * What every item of a batch is compiled with: target, mode, the {@code describe} controls and the
 * caption rules ({@link CaptionStyle}, the same as {@code promptlens caption}). Parsed and checked
 * before any upload is read, so a typo costs nothing.
 */
record BatchSpec(String target, Mode mode, Controls controls, CaptionStyle caption) {

  static final String DEFAULT_TARGET = "sdxl";
  private static final int MAX_PHRASES = 30;
  private static final int MAX_PHRASE = 200;

  /** The form fields of {@code POST …/batches}, all optional. */
  record Form(
      @Nullable String target,
      @Nullable String mode,
      @Nullable String detail,
      @Nullable String subject,
      @Nullable String keep,
      @Nullable String avoid,
      @Nullable Boolean cameraTerms,
      @Nullable Boolean negativePrompt,
      @Nullable Integer maxLength,
      @Nullable String trigger,
      @Nullable String prefix,
      @Nullable String suffix,
      @Nullable String exclude,
      @Nullable Boolean underscores) {}

  static BatchSpec parse(TargetRegistry targets, Form form) {
    try {
      String target = targets.require(blank(form.target()) ? DEFAULT_TARGET : form.target()).id();
      Mode mode = blank(form.mode()) ? Mode.FULL : Mode.parse(form.mode());
      if (mode != Mode.FULL && mode != Mode.STYLE) {
        throw new IllegalArgumentException("mode must be full or style for captions");
      }
      if (form.subject() != null && form.subject().strip().length() > 500) {
        throw new IllegalArgumentException("subject is too long (at most 500 characters)");
      }
      Controls controls =
          new Controls(
              blank(form.detail()) ? Detail.MEDIUM : Detail.parse(form.detail()),
              false,
              form.negativePrompt() == null || form.negativePrompt(),
              null,
              form.subject(),
              phrases("keep", form.keep()),
              phrases("avoid", form.avoid()),
              form.cameraTerms() == null || form.cameraTerms(),
              false,
              form.maxLength(),
              1,
              0);
      CaptionStyle caption =
          new CaptionStyle(
              form.trigger(),
              form.prefix(),
              form.suffix(),
              phrases("exclude", form.exclude()),
              form.underscores() != null && form.underscores());
      return new BatchSpec(target, mode, controls, caption);
    } catch (IllegalArgumentException e) {
      // Unknown targets, modes and details carry messages written for users (with the valid ones).
      throw new BatchRequestException(e.getMessage());
    }
  }

  private static List<String> phrases(String field, @Nullable String value) {
    if (value == null) {
      return List.of();
    }
    List<String> phrases =
        Arrays.stream(value.split("[,\\n]")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    if (phrases.size() > MAX_PHRASES || phrases.stream().anyMatch(p -> p.length() > MAX_PHRASE)) {
      throw new IllegalArgumentException(
          field + ": at most " + MAX_PHRASES + " phrases of " + MAX_PHRASE + " characters");
    }
    return phrases;
  }

  @Contract("null -> true") // so NullAway knows a value that is not blank is not null
  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
