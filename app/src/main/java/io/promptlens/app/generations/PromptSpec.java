package io.promptlens.app.generations;

import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.TargetProfile;
import io.promptlens.core.compiler.TargetRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * A validated prompt request: known target, parsed mode and controls. Built before any image is
 * analysed, so a typo in the target costs neither analysis time nor a stored row.
 */
record PromptSpec(TargetProfile target, Mode mode, Controls controls) {

  static final String DEFAULT_TARGET = "midjourney";

  /**
   * @throws io.promptlens.core.compiler.UnknownTargetException listing the valid targets
   */
  static PromptSpec parse(
      TargetRegistry targets,
      @Nullable String target,
      @Nullable String mode,
      ControlsRequest controls) {
    TargetProfile profile = targets.require(blank(target) ? DEFAULT_TARGET : target);
    Mode parsedMode = Mode.FULL;
    if (!blank(mode)) {
      try {
        parsedMode = Mode.parse(mode);
      } catch (IllegalArgumentException e) {
        throw new InvalidPromptRequestException(e.getMessage());
      }
    }
    return new PromptSpec(profile, parsedMode, controls.toControls());
  }

  @Contract("null -> true") // so NullAway knows a value that is not blank is not null
  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
