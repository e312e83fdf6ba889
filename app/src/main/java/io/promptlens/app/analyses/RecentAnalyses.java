package io.promptlens.app.analyses;

import io.promptlens.app.workspaces.Owner;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Stored analyses held parsed for a minute, for compiling one again (a client re-targeting the same
 * picture many times). Reading and parsing the analysis JSON was a sixth of such a request's CPU.
 *
 * <p>Safe to hold because an analysis row never changes after it is inserted: a held copy is the
 * row for as long as the row exists. Whether it still exists (erasure, retention, a deleted
 * workspace, perhaps on another instance) is <em>not</em> checked here; the caller must write a row
 * that references the analysis (the {@code generations.analysis_id} foreign key does that check
 * atomically in the database) and, when that write fails on a constraint, {@link #forget} it and
 * look again with {@link AnalysisRepository#find}. Ownership is checked here: an entry remembers
 * the workspace its row belongs to (none for an anonymous one) and serves only that owner.
 *
 * <p>Bounded in size and time so that an erased person's analysis does not outlive the erasure in
 * memory by more than {@link #HELD}, even on an instance that never heard of it.
 */
@Component
public class RecentAnalyses {

  static final Duration HELD = Duration.ofMinutes(1);
  static final int CAPACITY = 1_024;

  private record Held(@Nullable UUID workspaceId, StoredAnalysis analysis, long expiresAtNanos) {}

  private final AnalysisRepository analyses;
  private final ConcurrentHashMap<UUID, Held> held = new ConcurrentHashMap<>();

  RecentAnalyses(AnalysisRepository analyses) {
    this.analyses = analyses;
  }

  /**
   * The owner's analysis (an anonymous one when {@code owner} is null), possibly erased since it
   * was read: see the class comment for what the caller must do.
   */
  public Optional<StoredAnalysis> find(@Nullable Owner owner, UUID id) {
    UUID workspaceId = owner == null ? null : owner.workspaceId();
    long now = System.nanoTime();
    Held entry = held.get(id);
    if (entry != null && now - entry.expiresAtNanos < 0) {
      return Objects.equals(entry.workspaceId, workspaceId)
          ? Optional.of(entry.analysis)
          : analyses.find(owner, id);
    }
    Optional<StoredAnalysis> found = analyses.find(owner, id);
    found.ifPresent(analysis -> hold(id, new Held(workspaceId, analysis, now + HELD.toNanos())));
    return found;
  }

  /** Drops a held analysis, e.g. one whose row turned out to be gone. */
  public void forget(UUID id) {
    held.remove(id);
  }

  private void hold(UUID id, Held entry) {
    if (held.size() >= CAPACITY) {
      long now = System.nanoTime();
      held.values().removeIf(old -> now - old.expiresAtNanos >= 0);
      if (held.size() >= CAPACITY) {
        // More distinct analyses compiled within a minute than it holds: start again rather
        // than keep recency order on every hit.
        held.clear();
      }
    }
    held.put(id, entry);
  }
}
