package io.promptlens.app.generations;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.PromptResult;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What is compiled once is answered from memory for exactly the same request, and only for it. */
class RecentPromptsTests {

  private final RecentPrompts<PromptResult> recent = new RecentPrompts<>();
  private final UUID analysis = UUID.randomUUID();
  private final AtomicInteger compiles = new AtomicInteger();

  private final Supplier<PromptResult> compiler =
      () ->
          new PromptResult(
              "flux",
              Mode.FULL,
              "prompt " + compiles.incrementAndGet(),
              null,
              Map.of(),
              List.of(),
              2);

  @Test
  void theSameRequestIsCompiledOnce() {
    PromptResult first = recent.get(analysis, "flux", Mode.FULL, Controls.defaults(), compiler);
    PromptResult again = recent.get(analysis, "flux", Mode.FULL, Controls.defaults(), compiler);

    assertThat(again).isSameAs(first);
    assertThat(compiles).hasValue(1);
  }

  @Test
  void anotherTargetModeControlsOrAnalysisIsCompiledAgain() {
    recent.get(analysis, "flux", Mode.FULL, Controls.defaults(), compiler);

    recent.get(analysis, "sdxl", Mode.FULL, Controls.defaults(), compiler);
    recent.get(analysis, "flux", Mode.STYLE, Controls.defaults(), compiler);
    recent.get(analysis, "flux", Mode.FULL, Controls.defaults().withWeights(true), compiler);
    recent.get(UUID.randomUUID(), "flux", Mode.FULL, Controls.defaults(), compiler);

    assertThat(compiles).hasValue(5);
  }

  @Test
  void aForgottenAnalysisIsCompiledAgain() {
    recent.get(analysis, "flux", Mode.FULL, Controls.defaults(), compiler);

    recent.forget(analysis);
    PromptResult after = recent.get(analysis, "flux", Mode.FULL, Controls.defaults(), compiler);

    assertThat(after.prompt()).isEqualTo("prompt 2");
  }
}
