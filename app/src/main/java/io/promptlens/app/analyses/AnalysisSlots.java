package io.promptlens.app.analyses;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.promptlens.app.system.BusyException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Admission control for analyses, the one CPU-bound step of a request: at most {@code concurrency}
 * run at once (default: one per core, since each analysis already keeps a core busy) and at most
 * {@code queue} wait for a slot, each at most {@code maxWait}. Past that the caller is told "busy"
 * at once ({@link BusyException}, 503 with Retry-After) instead of joining an unbounded line: 20
 * clients on 2 cores had queued to a p99 of 12.4 s.
 *
 * <p>Per instance on purpose: it guards this machine's cores, and a load balancer spreads requests
 * over instances.
 */
@Component
public class AnalysisSlots {

  private final Semaphore slots;
  private final int queue;
  private final Duration maxWait;
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final Timer timer;

  AnalysisSlots(
      @Value("${promptlens.analysis.concurrency:0}") int concurrency,
      @Value("${promptlens.analysis.queue:0}") int queue,
      @Value("${promptlens.analysis.max-wait:10s}") Duration maxWait,
      MeterRegistry meters) {
    int cores = Runtime.getRuntime().availableProcessors();
    int size = concurrency > 0 ? concurrency : cores;
    this.slots = new Semaphore(size, true);
    this.queue = queue > 0 ? queue : 2 * size;
    this.maxWait = maxWait;
    Gauge.builder("promptlens.analyses.running", running, AtomicInteger::get)
        .description("analyses running now")
        .register(meters);
    Gauge.builder("promptlens.analyses.waiting", waiting, AtomicInteger::get)
        .description("analyses waiting for a slot")
        .register(meters);
    this.timer =
        Timer.builder("promptlens.analysis")
            .description("time to analyse one upload, waiting excluded")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
  }

  /** One analysis' work. */
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  /**
   * Runs {@code work} in a slot.
   *
   * @throws BusyException when the queue is full or no slot freed up within the wait
   */
  public <T, E extends Exception> T run(Work<T, E> work) throws E {
    if (waiting.incrementAndGet() > queue) {
      waiting.decrementAndGet();
      throw new BusyException(maxWait);
    }
    boolean admitted;
    try {
      admitted = slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    } finally {
      waiting.decrementAndGet();
    }
    if (!admitted) {
      throw new BusyException(maxWait);
    }
    running.incrementAndGet();
    long start = System.nanoTime();
    try {
      return work.run();
    } finally {
      timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      running.decrementAndGet();
      slots.release();
    }
  }
}
