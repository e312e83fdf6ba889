package io.promptlens.core.compiler;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.core.analysis.Saturation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Negative prompts for targets that take one: the user's avoid list first, then the opposite of
 * what was measured (a vivid image should not come out washed out), then the terms the target's
 * documentation recommends. Terms are dropped from the end until the prompt fits the target's
 * negative-prompt limit.
 */
final class NegativePrompts {

  private NegativePrompts() {}

  /** The negative prompt, or null when there is nothing to say. */
  static @Nullable String of(
      ImageAnalysis analysis, List<String> avoid, TargetProfile target, RenderContext context) {
    LinkedHashSet<String> terms = new LinkedHashSet<>(avoid);
    terms.addAll(opposites(analysis));
    terms.addAll(target.negativeDefaults());
    List<String> list = new ArrayList<>();
    for (String term : terms) {
      list.add(TagRenderer.escape(term, context));
    }
    while (!list.isEmpty()
        && Lengths.count(String.join(", ", list), target.lengthUnit())
            > target.negativeMaxLength()) {
      list.remove(list.size() - 1);
    }
    return list.isEmpty() ? null : String.join(", ", list);
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
