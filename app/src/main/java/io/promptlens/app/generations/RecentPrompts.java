package io.promptlens.app.generations;

import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the last minute's compiles of a stored analysis gave, by analysis and request. The compiler
 * is pure and an analysis never changes, so the same analysis, target, mode and controls give the
 * same prompt; a client that asks again (a retry, a page reloaded, many users of one shared
 * picture) is answered without compiling, which was 5 to 12 % of such a request's CPU in profiles.
 * {@code GenerationService} keeps two: the compiled prompts ({@code PromptResult}, every caller)
 * and the anonymous generations already stored for a request, which a repeat of that request is
 * answered with instead of storing another row.
 *
 * <p>Bounded in size and time like {@code analyses.RecentAnalyses}, for the same reason: a prompt
 * says what was in a person's picture, and must not outlive an erasure in memory by more than
 * {@link #HELD}.
 *
 * @param <V> what is held for a request
 */
final class RecentPrompts<V> {

  static final Duration HELD = Duration.ofMinutes(1);
  static final int CAPACITY = 4_096;

  private record Key(UUID analysisId, String target, Mode mode, Controls controls) {}

  private record Held<V>(V value, long expiresAtNanos) {}

  private final ConcurrentHashMap<Key, Held<V>> held = new ConcurrentHashMap<>();

  /** What is held for this request, or what {@code compute} gives (then held). */
  V get(UUID analysisId, String target, Mode mode, Controls controls, Supplier<V> compute) {
    V found = find(analysisId, target, mode, controls);
    if (found != null) {
      return found;
    }
    V value = compute.get();
    put(analysisId, target, mode, controls, value);
    return value;
  }

  /** What is held for this request, if it was put less than {@link #HELD} ago. */
  @Nullable V find(UUID analysisId, String target, Mode mode, Controls controls) {
    Held<V> entry = held.get(new Key(analysisId, target, mode, controls));
    return entry != null && System.nanoTime() - entry.expiresAtNanos < 0 ? entry.value : null;
  }

  /** Holds {@code value} for this request for {@link #HELD}. */
  void put(UUID analysisId, String target, Mode mode, Controls controls, V value) {
    long now = System.nanoTime();
    if (held.size() >= CAPACITY) {
      held.values().removeIf(old -> now - old.expiresAtNanos >= 0);
      if (held.size() >= CAPACITY) {
        // More distinct requests within a minute than it holds: start again rather than keep
        // recency order on every hit.
        held.clear();
      }
    }
    held.put(new Key(analysisId, target, mode, controls), new Held<>(value, now + HELD.toNanos()));
  }

  /** Drops what was held for an analysis, e.g. one whose row turned out to be gone. */
  void forget(UUID analysisId) {
    held.keySet().removeIf(key -> key.analysisId.equals(analysisId));
  }
}
