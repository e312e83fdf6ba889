package io.promptlens.core.compiler;

import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.compiler.TargetProfile.EditStyle;
import io.promptlens.core.compiler.TargetProfile.ParameterStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A target's structured parameters: its fixed defaults, the aspect ratio as it takes it, the
 * denoising strength of image-to-image edits, a video's duration, and for Midjourney the flags
 * written at the end of the prompt.
 */
final class TargetParameters {

  /**
   * Denoising strength for image-to-image when the subject is replaced: around the middle of the
   * range the composition and palette of the source survive while the content can change.
   */
  static final double REPLACE_DENOISING_STRENGTH = 0.55;

  /** ... when nothing is replaced: low enough to keep the picture, high enough to restyle it. */
  static final double RESTYLE_DENOISING_STRENGTH = 0.35;

  private TargetParameters() {}

  /**
   * The parameters, in the order a person would read them.
   *
   * @param avoid the avoid list, for a target that takes it as a parameter
   * @param duration the video duration in seconds, 0 for none
   * @param warnings receives a sentence when the target cannot take the aspect ratio exactly
   */
  static Map<String, Object> of(
      TargetProfile target,
      Mode mode,
      String aspect,
      MediumLabel medium,
      Controls controls,
      List<String> avoid,
      int duration,
      List<String> warnings) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    boolean flags = target.parameterStyle() == ParameterStyle.INLINE_FLAGS;
    if (flags && medium == MediumLabel.PHOTO && (mode == Mode.FULL || mode == Mode.EDIT)) {
      // Midjourney's raw style follows the prompt literally instead of beautifying it.
      parameters.put("style", "raw");
    }
    String warning = AspectResolver.apply(target, aspect, parameters);
    if (warning != null) {
      warnings.add(warning);
    }
    parameters.putAll(target.defaults());
    if (mode == Mode.EDIT && target.editStyle() == EditStyle.IMG2IMG) {
      parameters.put(
          "denoisingStrength",
          controls.subject() != null ? REPLACE_DENOISING_STRENGTH : RESTYLE_DENOISING_STRENGTH);
    }
    if (duration > 0) {
      parameters.put("duration", duration);
    }
    if (!avoid.isEmpty() && target.avoidParameter() != null) {
      parameters.put(target.avoidParameter(), String.join(", ", avoid));
    }
    return parameters;
  }

  /** {@code " --ar 3:2 --v 7"} for targets that read flags from the prompt; "" otherwise. */
  static String inlineFlags(TargetProfile target, Map<String, Object> parameters) {
    if (target.parameterStyle() != ParameterStyle.INLINE_FLAGS) {
      return "";
    }
    StringBuilder suffix = new StringBuilder();
    parameters.forEach((key, value) -> suffix.append(" --").append(key).append(' ').append(value));
    return suffix.toString();
  }
}
