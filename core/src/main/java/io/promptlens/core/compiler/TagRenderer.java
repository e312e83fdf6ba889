package io.promptlens.core.compiler;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders phrases as comma-separated tags, most important first, for CLIP-conditioned models
 * (Stable Diffusion family), where position in the prompt carries weight.
 */
final class TagRenderer {

  private TagRenderer() {}

  static String render(List<Phrase> phrases, Mode mode) {
    List<String> tags = new ArrayList<>();
    if (mode == Mode.STYLE) {
      tags.add("{subject}");
    }
    phrases.stream().map(Phrase::text).forEach(tags::add);
    return String.join(", ", tags);
  }
}
