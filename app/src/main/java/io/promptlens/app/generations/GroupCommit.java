package io.promptlens.app.generations;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Rows written by several concurrent requests in one transaction, each request returning only once
 * its own row is committed (group commit). With H2's {@code WRITE_DELAY=0} every commit writes a
 * chunk to the file before it returns, and that write, not the insert, was the dearest part of a
 * cheap request; a commit of eight rows costs about what a commit of one does.
 *
 * <p>No thread of its own and no waiting for company: a request queues its row and takes the writer
 * lock. Whoever holds the lock writes every queued row in one transaction; the requests whose rows
 * it wrote find them done when their turn comes and return at once. A lone request therefore
 * commits alone, as before, while requests that arrive during a commit share the next one.
 *
 * <p>A failed group is not everyone's failure: when the transaction fails on a constraint (one
 * row's analysis was erased meanwhile), each row is written again alone so that only the offending
 * request sees the error. Any other failure (the database is gone) is every row's.
 *
 * @param <T> the row
 */
final class GroupCommit<T> {

  private final Consumer<List<T>> writeInOneTransaction;
  private final ConcurrentLinkedQueue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writer = new ReentrantLock();

  /**
   * @param writeInOneTransaction writes the rows in one transaction and commits, or throws and
   *     writes none of them
   */
  GroupCommit(Consumer<List<T>> writeInOneTransaction) {
    this.writeInOneTransaction = writeInOneTransaction;
  }

  /** Returns when {@code row} is committed; throws what writing it threw. */
  void write(T row) {
    Pending<T> mine = new Pending<>(row);
    queue.add(mine);
    writer.lock();
    try {
      if (!mine.done) {
        List<Pending<T>> group = new ArrayList<>();
        for (Pending<T> next; (next = queue.poll()) != null; ) {
          group.add(next);
        }
        commit(group);
      }
    } finally {
      writer.unlock();
    }
    // The lock orders the writer's outcome before this read.
    if (mine.failure != null) {
      throw mine.failure;
    }
  }

  private void commit(List<Pending<T>> group) {
    try {
      writeInOneTransaction.accept(group.stream().map(p -> p.row).toList());
      group.forEach(p -> p.finish(null));
    } catch (DataIntegrityViolationException constraint) {
      if (group.size() == 1) {
        group.get(0).finish(constraint);
        return;
      }
      for (Pending<T> alone : group) {
        try {
          writeInOneTransaction.accept(List.of(alone.row));
          alone.finish(null);
        } catch (RuntimeException e) {
          alone.finish(e);
        }
      }
    } catch (RuntimeException e) {
      group.forEach(p -> p.finish(e));
    } finally {
      // An Error thrown by the writer: no row may be taken for written.
      for (Pending<T> p : group) {
        if (!p.done) {
          p.finish(new IllegalStateException("the group commit did not finish"));
        }
      }
    }
  }

  /** One request's row; its outcome is written and read under the writer lock. */
  private static final class Pending<T> {
    final T row;
    boolean done;
    @Nullable RuntimeException failure;

    Pending(T row) {
      this.row = row;
    }

    void finish(@Nullable RuntimeException outcome) {
      failure = outcome;
      done = true;
    }
  }
}
