package io.promptlens.app.batches;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Batch workers on this instance ({@code promptlens.workers.*}). With {@code enabled=false} an
 * instance only takes uploads and answers (web-only); an instance with workers and no public
 * traffic is a worker-only one. Which queue feeds them is {@code promptlens.queue}.
 *
 * @param enabled whether this instance works on batch items (default true)
 * @param concurrency items at once on this instance (0: one per core)
 */
@ConfigurationProperties("promptlens.workers")
record WorkerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0") int concurrency) {

  int threads() {
    return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
  }
}
