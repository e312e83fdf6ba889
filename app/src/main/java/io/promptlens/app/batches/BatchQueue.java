package io.promptlens.app.batches;

import java.util.List;

/**
 * Where batch items wait for a worker: in this process ({@code promptlens.queue=in-process}, the
 * default, nothing to install) or on RabbitMQ ({@code promptlens.queue=rabbitmq}), which any number
 * of instances consume. Either way an item is worked on at least once, and {@link BatchWorker}
 * makes a repeated delivery harmless.
 */
interface BatchQueue {

  /** Hands items on, after their rows are committed (a worker must find them). */
  void submit(List<ItemRef> items);
}
