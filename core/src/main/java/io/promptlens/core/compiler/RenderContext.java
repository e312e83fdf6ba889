package io.promptlens.core.compiler;

import io.promptlens.core.compiler.Phrase.Role;
import io.promptlens.core.compiler.TargetProfile.WeightSyntax;
import java.util.List;

/**
 * What a renderer needs besides the phrases: the target, the mode, the controls and, for a
 * variation, the seed its word choices are drawn from.
 *
 * @param variation 0 for the canonical prompt, 1.. for variations
 */
record RenderContext(TargetProfile target, Mode mode, Controls controls, int variation) {

  /** A fresh phrasing for one rendering; see {@link Phrasing}. */
  Phrasing phrasing() {
    return variation == 0
        ? Phrasing.canonical()
        : Phrasing.seeded(controls.seed() * 1_000_003L + variation);
  }

  /** Whether phrases carry {@code (phrase:w)} weights. */
  boolean weighted() {
    return target.weightSyntax() == WeightSyntax.PARENTHESES && controls.weights();
  }

  /** Whether the target's syntax reads parentheses as emphasis. */
  boolean escapesParentheses() {
    return target.weightSyntax() == WeightSyntax.PARENTHESES;
  }

  static List<Phrase> of(List<Phrase> phrases, Role... roles) {
    List<Role> wanted = List.of(roles);
    return phrases.stream().filter(p -> wanted.contains(p.role())).toList();
  }
}
