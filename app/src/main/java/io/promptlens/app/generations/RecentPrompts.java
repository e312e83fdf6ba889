package io.promptlens.app.generations;

import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.PromptResult;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Prompts compiled in the last minute, by analysis and request. The compiler is pure and an
 * analysis never changes, so the same analysis, target, mode and controls give the same prompt; a
 * client that asks again (a retry, a page reloaded, many users of one shared picture) is answered
 * without compiling, which was 5 to 12 % of such a request's CPU in profiles. Every request still
 * stores its own generation row.
 *
 * <p>Bounded in size and time like {@code analyses.RecentAnalyses}, for the same reason: a prompt
 * says what was in a person's picture, and must not outlive an erasure in memory by more than
 * {@link #HELD}.
 */
final class RecentPrompts {

  static final Duration HELD = Duration.ofMinutes(1);
  static final int CAPACITY = 4_096;

  private record Key(UUID analysisId, String target, Mode mode, Controls controls) {}

  private record Held(PromptResult result, long expiresAtNanos) {}

  private final ConcurrentHashMap<Key, Held> held = new ConcurrentHashMap<>();

  /** The prompt compiled for this request, from memory or from {@code compile}. */
  PromptResult get(
      UUID analysisId,
      String target,
      Mode mode,
      Controls controls,
      Supplier<PromptResult> compile) {
    Key key = new Key(analysisId, target, mode, controls);
    long now = System.nanoTime();
    Held entry = held.get(key);
    if (entry != null && now - entry.expiresAtNanos < 0) {
      return entry.result;
    }
    PromptResult result = compile.get();
    if (held.size() >= CAPACITY) {
      held.values().removeIf(old -> now - old.expiresAtNanos >= 0);
      if (held.size() >= CAPACITY) {
        // More distinct requests within a minute than it holds: start again rather than keep
        // recency order on every hit.
        held.clear();
      }
    }
    held.put(key, new Held(result, now + HELD.toNanos()));
    return result;
  }

  /** Drops what was compiled from an analysis, e.g. one whose row turned out to be gone. */
  void forget(UUID analysisId) {
    held.keySet().removeIf(key -> key.analysisId.equals(analysisId));
  }
}
