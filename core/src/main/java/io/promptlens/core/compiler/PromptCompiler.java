package io.promptlens.core.compiler;

import io.promptlens.core.analysis.ImageAnalysis;

/** Turns one analysis into one target's prompt. Pure, deterministic and thread-safe. */
public final class PromptCompiler {

  private final TargetRegistry targets;

  public PromptCompiler(TargetRegistry targets) {
    this.targets = targets;
  }

  public PromptCompiler() {
    this(TargetRegistry.builtIn());
  }

  public TargetRegistry targets() {
    return targets;
  }

  /**
   * Compiles a prompt.
   *
   * @throws UnknownTargetException when {@code target} is not a known id or alias
   */
  public PromptResult compile(
      ImageAnalysis analysis, String target, Mode mode, Controls controls) {
    throw new UnsupportedOperationException("TODO");
  }
}
