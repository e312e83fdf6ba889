package io.promptlens.vision;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A part of one analysis that may run on another core while the caller does another part (the
 * measured analyzers while the models look, one model while another runs). Parts go to one
 * process-wide pool of one daemon thread per core but one; {@link #join()} runs a part on the
 * calling thread when no pool thread has started it yet, so a busy pool (a server with many
 * requests) never leaves a caller waiting for a queue, and parts that fork parts cannot deadlock: a
 * thread only ever waits for a part that another thread is running. Thread-safe.
 *
 * @param <T> what the part gives
 */
public final class Fork<T> {

  /**
   * One thread fewer than cores (at least one): the caller works too (the measured analyzers, then
   * every part no pool thread has started), so a pool as large as the cores leaves three threads
   * time-slicing two cores while the longest part, the object detector, waits its turn.
   */
  static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          THREADS,
          r -> {
            Thread t = new Thread(r, "promptlens-analysis");
            t.setDaemon(true);
            return t;
          });

  private final FutureTask<T> task;

  private Fork(Supplier<T> work) {
    this.task = new FutureTask<>(work::get);
  }

  /** Starts {@code work} on the pool (or on the caller at {@link #join()}, whichever is first). */
  public static <T> Fork<T> start(Supplier<T> work) {
    Fork<T> fork = new Fork<>(work);
    POOL.execute(fork.task);
    return fork;
  }

  /** Runs {@code work} only when joined, on the joining thread: the same part, one at a time. */
  public static <T> Fork<T> inTurn(Supplier<T> work) {
    return new Fork<>(work);
  }

  /** {@link #start} when {@code sideBySide}, else {@link #inTurn}. */
  public static <T> Fork<T> of(boolean sideBySide, Supplier<T> work) {
    return sideBySide ? start(work) : inTurn(work);
  }

  /**
   * Runs on this thread every part no other thread has started, in order, before waiting for any:
   * waiting first would leave this core idle while a part sat in the queue.
   */
  public static void runUnstarted(Fork<?>... forks) {
    for (Fork<?> fork : forks) {
      fork.task.run(); // does nothing when the part has started or finished elsewhere
    }
  }

  /**
   * What the part gave, running it here first when nobody has started it. A part's unchecked
   * exception or error is thrown here as it was thrown there.
   */
  public T join() {
    task.run();
    try {
      return task.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a part of an analysis", e);
    }
  }
}
