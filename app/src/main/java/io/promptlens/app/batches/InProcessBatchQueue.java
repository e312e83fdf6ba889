package io.promptlens.app.batches;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The zero-setup queue: a thread pool in this process. The items' bytes and states are in the
 * database, so after a restart the items still waiting are taken up again ({@link #resume}); a
 * failed attempt is handed back to the pool until {@link BatchWorker} says it failed for good.
 */
@Component
@ConditionalOnProperty(name = "promptlens.queue", havingValue = "in-process", matchIfMissing = true)
class InProcessBatchQueue implements BatchQueue, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(InProcessBatchQueue.class);

  private final BatchWorker worker;
  private final BatchRepository batches;
  private final WorkerProperties workers;
  private final ExecutorService pool;

  InProcessBatchQueue(BatchWorker worker, BatchRepository batches, WorkerProperties workers) {
    this.worker = worker;
    this.batches = batches;
    this.workers = workers;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            workers.threads(),
            workers.threads(),
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "batch-worker-" + n.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void submit(List<ItemRef> items) {
    if (!workers.enabled()) {
      // Kept in the database: an instance with workers takes them up when it starts.
      return;
    }
    items.forEach(this::schedule);
  }

  @EventListener(ApplicationReadyEvent.class)
  void resume() {
    if (workers.enabled()) {
      List<ItemRef> waiting = batches.allQueued();
      if (!waiting.isEmpty()) {
        log.info("resuming {} batch items that were waiting", waiting.size());
      }
      waiting.forEach(this::schedule);
    }
  }

  private void schedule(ItemRef item) {
    if (pool.isShutdown()) {
      return; // stopping: the item stays queued in the database for the next start
    }
    pool.execute(
        () -> {
          try {
            worker.work(item);
          } catch (BatchWorker.RetryException e) {
            schedule(item);
          } catch (RuntimeException e) {
            // The database may be away for a moment; the item stays queued there and is taken up
            // again at the next start, so nothing is lost by not spinning on it here.
            log.warn("batch item {} not worked on: {}", item.wire(), e.toString());
          }
        });
  }

  @Override
  public void destroy() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }
}
