package io.promptlens.core.compiler;

import io.promptlens.core.compiler.TargetProfile.EditStyle;
import io.promptlens.core.compiler.TargetProfile.Syntax;
import java.util.List;

/** Writes phrases in one syntax. Implementations are stateless. */
interface Renderer {

  void render(List<Phrase> phrases, RenderContext context, PromptBuilder out);

  /** The renderer for a target and mode, chosen from the target's data, never from its id. */
  static Renderer of(TargetProfile target, Mode mode) {
    if (mode == Mode.EDIT && target.editStyle() == EditStyle.INSTRUCTION) {
      return EditInstructionRenderer.INSTANCE;
    }
    if (target.syntax() == Syntax.NATURAL) {
      return mode == Mode.VIDEO ? VideoRenderer.INSTANCE : NaturalRenderer.INSTANCE;
    }
    return target.syntax() == Syntax.HYBRID ? TagRenderer.HYBRID : TagRenderer.TAGS;
  }
}
