package io.promptlens.providers;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A cancel handle for one or more describe calls. {@link #cancel()} may be called from any thread:
 * it aborts the HTTP exchange in flight and wakes a retry wait, and the describe call then throws
 * {@link ProviderException} with reason {@code CANCELLED}. Interrupting the calling thread has the
 * same effect. Thread-safe.
 */
public final class Cancellation {

  private final CountDownLatch cancelled = new CountDownLatch(1);
  private volatile @Nullable Future<?> inFlight;

  /** A fresh handle, not cancelled. */
  public static Cancellation create() {
    return new Cancellation();
  }

  public void cancel() {
    cancelled.countDown();
    Future<?> current = inFlight;
    if (current != null) {
      current.cancel(true);
    }
  }

  public boolean isCancelled() {
    return cancelled.getCount() == 0;
  }

  /** Remembers the exchange in flight so {@link #cancel()} can abort it; null clears it. */
  void track(@Nullable Future<?> future) {
    inFlight = future;
    if (future != null && isCancelled()) {
      future.cancel(true);
    }
  }

  /**
   * Waits for the given time unless cancelled first.
   *
   * @return true when the wait ended because of a cancel
   * @throws InterruptedException when the calling thread is interrupted
   */
  boolean sleep(Duration duration) throws InterruptedException {
    return cancelled.await(duration.toMillis(), TimeUnit.MILLISECONDS);
  }
}
