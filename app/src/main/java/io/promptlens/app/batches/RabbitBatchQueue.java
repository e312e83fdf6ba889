package io.promptlens.app.batches;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Batch items on RabbitMQ ({@code promptlens.queue=rabbitmq}, broker from {@code
 * spring.rabbitmq.*}). One durable queue, persistent messages carrying only {@code batchId:itemNo};
 * each consumer takes one message at a time (prefetch 1, so a slow worker holds one item, never a
 * hoard) and acknowledges it only after {@link BatchWorker} returns, i.e. after the result's
 * transaction committed. A worker that dies holds its message unacknowledged and the broker
 * redelivers it to another. An item that failed {@link BatchWorker#MAX_ATTEMPTS} times is rejected
 * without requeue and the queue's dead-letter settings move it to {@code NAME.dead}, for an
 * operator to look at; the item itself is already marked failed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "promptlens.queue", havingValue = "rabbitmq")
class RabbitBatchQueue {

  private static final Logger log = LoggerFactory.getLogger(RabbitBatchQueue.class);

  @Bean
  Declarables batchQueues(
      @Value("${promptlens.rabbitmq.queue-name:promptlens.batch-items}") String name) {
    Queue dead = QueueBuilder.durable(name + ".dead").build();
    Queue items =
        QueueBuilder.durable(name)
            .deadLetterExchange("")
            .deadLetterRoutingKey(dead.getName())
            .build();
    return new Declarables(items, dead);
  }

  @Bean
  BatchQueue rabbitQueue(
      RabbitTemplate rabbit,
      @Value("${promptlens.rabbitmq.queue-name:promptlens.batch-items}") String name) {
    return (List<ItemRef> items) -> {
      for (ItemRef item : items) {
        Message message =
            MessageBuilder.withBody(item.wire().getBytes(StandardCharsets.UTF_8))
                .setContentType("text/plain")
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
        rabbit.send("", name, message);
      }
    };
  }

  @Bean
  @ConditionalOnProperty(
      name = "promptlens.workers.enabled",
      havingValue = "true",
      matchIfMissing = true)
  SimpleMessageListenerContainer batchConsumers(
      ConnectionFactory connections,
      BatchWorker worker,
      WorkerProperties workers,
      @Value("${promptlens.rabbitmq.queue-name:promptlens.batch-items}") String name) {
    SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
    container.setQueueNames(name);
    container.setConcurrentConsumers(workers.threads());
    container.setPrefetchCount(1);
    container.setAcknowledgeMode(AcknowledgeMode.AUTO);
    container.setDefaultRequeueRejected(true);
    container.setMessageListener(
        message -> {
          ItemRef item;
          try {
            item = ItemRef.parse(new String(message.getBody(), StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            throw new AmqpRejectAndDontRequeueException("not a batch item: " + e.getMessage());
          }
          BatchWorker.Outcome outcome = worker.work(item);
          if (outcome == BatchWorker.Outcome.POISON) {
            log.warn(
                "batch item {} failed {} times: dead-lettered",
                item.wire(),
                BatchWorker.MAX_ATTEMPTS);
            throw new AmqpRejectAndDontRequeueException("poison batch item " + item.wire());
          }
        });
    return container;
  }
}
