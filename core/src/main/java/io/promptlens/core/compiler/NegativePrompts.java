package io.promptlens.core.compiler;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.core.analysis.Saturation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Negative prompts for targets that take one: the user's avoid list first, then the opposite of
 * what was measured (a vivid image should not come out washed out), then common defects.
 */
final class NegativePrompts {

  /** Defects SD-family users negate by habit; kept short so the measured terms stay in front. */
  static final List<String> COMMON_DEFECTS =
      List.of("lowres", "blurry", "jpeg artifacts", "watermark", "deformed");

  private NegativePrompts() {}

  static String of(ImageAnalysis analysis, Controls controls) {
    LinkedHashSet<String> terms = new LinkedHashSet<>(controls.avoid());
    terms.addAll(opposites(analysis));
    terms.addAll(COMMON_DEFECTS);
    return String.join(", ", terms);
  }

  private static List<String> opposites(ImageAnalysis analysis) {
    List<String> terms = new ArrayList<>();
    if (analysis.color().grayscale()) {
      terms.add("color");
    } else if (analysis.color().saturation() == Saturation.VIVID) {
      terms.add("washed out");
    } else if (analysis.color().saturation() == Saturation.MUTED) {
      terms.add("oversaturated");
    }
    if (analysis.light().key() == LightKey.LOW) {
      terms.add("overexposed");
    } else if (analysis.light().key() == LightKey.HIGH) {
      terms.add("underexposed");
    }
    return terms;
  }
}
