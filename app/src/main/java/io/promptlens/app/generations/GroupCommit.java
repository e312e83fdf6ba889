package io.promptlens.app.generations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Rows written by several concurrent requests in one transaction, each request returning only once
 * its own row is committed (group commit). With H2's {@code WRITE_DELAY=0} every commit serialises
 * the changed B-tree pages into a new chunk of the file before it returns; in a profile of the
 * compile endpoint that took twice the CPU of the insert itself, and much of it (each changed map's
 * path from its root, the chunk's metadata) is paid once per commit, however many rows it holds.
 *
 * <p>No thread of its own: a request queues its row and takes the writer lock. Whoever holds the
 * lock writes every queued row in one transaction; the requests whose rows it wrote find them done
 * when their turn comes and return at once. On two busy cores the commit itself is CPU work, so few
 * requests would arrive during one; requests therefore announce their row early ({@link #expect},
 * before compiling), and the writer waits for the announced rows, at most {@link #MAX_WAIT}, before
 * it commits. A lone request has nobody to wait for and commits at once, as before.
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
  private final AtomicInteger announced = new AtomicInteger();

  /** How long a commit waits at most for announced rows, by default. */
  static final Duration MAX_WAIT = Duration.ofMillis(2);

  private final long maxWaitNanos;

  /**
   * @param writeInOneTransaction writes the rows in one transaction and commits, or throws and
   *     writes none of them
   */
  GroupCommit(Consumer<List<T>> writeInOneTransaction) {
    this(writeInOneTransaction, MAX_WAIT);
  }

  /**
   * @param maxWait how long a commit waits at most for announced rows
   */
  GroupCommit(Consumer<List<T>> writeInOneTransaction, Duration maxWait) {
    this.writeInOneTransaction = writeInOneTransaction;
    this.maxWaitNanos = maxWait.toNanos();
  }

  /**
   * Announces a row this thread is about to write; a commit under way waits a moment for it. Close
   * it when the request is done, written or not.
   */
  Announced expect() {
    announced.incrementAndGet();
    return new Announced();
  }

  /** Returns when {@code row} is committed; throws what writing it threw. */
  void write(T row) {
    write(row, null);
  }

  private void write(T row, @Nullable Announced announcement) {
    Pending<T> mine = new Pending<>(row);
    queue.add(mine);
    if (announcement != null) {
      announcement.arrived();
    }
    writer.lock();
    try {
      if (!mine.done) {
        awaitAnnounced();
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

  private void awaitAnnounced() {
    long deadline = System.nanoTime() + maxWaitNanos;
    while (announced.get() > 0 && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(20_000);
    }
  }

  /** A row on its way: {@link #write} it, or close this when it will not come. */
  final class Announced implements AutoCloseable {
    private boolean counted = true;

    void write(T row) {
      GroupCommit.this.write(row, this);
    }

    private void arrived() {
      if (counted) {
        counted = false;
        announced.decrementAndGet();
      }
    }

    @Override
    public void close() {
      arrived();
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
