package io.promptlens.app.batches;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ChildApp;
import io.promptlens.app.support.PostgresSchema;
import io.promptlens.app.support.TestMail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The production shape on loopback: two app instances (separate processes, different ports) sharing
 * one PostgreSQL schema and one RabbitMQ queue work through one batch of 200 photos; one instance
 * is SIGKILLed while it works. The broker redelivers what it held, the other instance finishes, and
 * the batch has exactly 200 results, none twice. Needs the broker at 127.0.0.1:5672 (guest/guest;
 * {@code .ci/run} starts it) and PostgreSQL; the queue has a name of its own for this run and is
 * deleted after.
 */
class BatchScaleOutTests {

  private static final int IMAGES = 200;

  @TempDir Path dir;

  @Test
  void twoInstancesFinishABatchExactlyOnceAfterOneIsKilledMidway() throws Exception {
    String schema = PostgresSchema.newName();
    String queue = "promptlens.test-" + UUID.randomUUID();
    Map<String, String> settings = new HashMap<>(PostgresSchema.settings(schema));
    settings.put("promptlens.queue", "rabbitmq");
    settings.put("promptlens.rabbitmq.queue-name", queue);
    settings.put("spring.rabbitmq.host", "127.0.0.1");
    settings.put("spring.rabbitmq.port", "5672");
    settings.put("spring.rabbitmq.username", "guest");
    settings.put("spring.rabbitmq.password", "guest");
    // Measured facts only: the test is about delivery, and CI's two cores are shared.
    settings.put("promptlens.neural.enabled", "false");
    settings.put("promptlens.workers.concurrency", "1");
    settings.put("spring.mail.host", "127.0.0.1");
    settings.put("spring.mail.port", Integer.toString(TestMail.port()));
    CachingConnectionFactory broker = new CachingConnectionFactory("127.0.0.1", 5672);
    try {
      // The first start migrates the schema; the second joins it.
      ChildApp first = ChildApp.start(dir.resolve("a"), settings);
      try (first;
          ChildApp second = ChildApp.start(dir.resolve("b"), settings)) {
        BatchClient onFirst = BatchClient.forNewPerson(first.port(), "Scale");
        BatchClient onSecond = onFirst.on(second.port());

        BatchClient.Answer created =
            onFirst.upload(
                Map.of("trip.zip", BatchClient.zip(Photos.folder(IMAGES, 320, 240))),
                Map.of("target", "sdxl", "trigger", "trip"));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        UUID id = UUID.fromString(created.json().get("id").asString());

        awaitWorkersSeen(schema, id, 2, Duration.ofSeconds(60));
        first.kill();

        JsonNode batch = onSecond.awaitSettled(id.toString(), Duration.ofSeconds(120));
        assertThat(batch.get("status").asString()).as(second.logTail()).isEqualTo("done");
        assertThat(batch.get("counts").get("done").asInt()).isEqualTo(IMAGES);
        try (Connection db = connect(schema)) {
          assertThat(count(db, "SELECT COUNT(*) FROM batch_results WHERE batch_id = ?", id))
              .isEqualTo(IMAGES);
          assertThat(
                  count(
                      db,
                      "SELECT COUNT(DISTINCT item_no) FROM batch_results WHERE batch_id = ?",
                      id))
              .isEqualTo(IMAGES);
          // No duplicate in the history either: one generation per image.
          assertThat(
                  count(
                      db,
                      "SELECT COUNT(*) FROM generations g JOIN batches b"
                          + " ON g.workspace_id = b.workspace_id WHERE b.id = ?",
                      id))
              .isEqualTo(IMAGES);
          assertThat(
                  count(
                      db,
                      "SELECT COUNT(*) FROM batch_items WHERE batch_id = ? AND image IS NOT NULL",
                      id))
              .isZero();
        }

        // A message no worker can read is dead-lettered, not retried for ever.
        new RabbitTemplate(broker)
            .send(
                "",
                queue,
                MessageBuilder.withBody("garbage".getBytes(StandardCharsets.UTF_8)).build());
        assertThat(awaitMessages(new RabbitAdmin(broker), queue + ".dead", 1)).isEqualTo(1);
      }
    } finally {
      RabbitAdmin admin = new RabbitAdmin(broker);
      admin.deleteQueue(queue);
      admin.deleteQueue(queue + ".dead");
      broker.destroy();
      PostgresSchema.drop(schema);
    }
  }

  /** Waits until results from {@code workers} different instances exist: both took items. */
  private static void awaitWorkersSeen(String schema, UUID batch, int workers, Duration timeout)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Connection db = connect(schema)) {
      while (System.nanoTime() < deadline) {
        Set<String> seen = new HashSet<>();
        int results = 0;
        try (var query =
            db.prepareStatement("SELECT worker FROM batch_results WHERE batch_id = ?")) {
          query.setObject(1, batch);
          try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              seen.add(rows.getString(1));
              results++;
            }
          }
        }
        // Killed well before the end, so the killed one had items in hand and more to come.
        if (seen.size() >= workers && results >= 20) {
          assertThat(results).isLessThan(IMAGES - 40);
          return;
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError("both instances did not take items within " + timeout);
  }

  private static int awaitMessages(RabbitAdmin admin, String queue, int expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    int count = 0;
    while (System.nanoTime() < deadline) {
      var info = admin.getQueueInfo(queue);
      count = info == null ? 0 : (int) info.getMessageCount();
      if (count >= expected) {
        return count;
      }
      Thread.sleep(100);
    }
    return count;
  }

  private static Connection connect(String schema) throws SQLException {
    return DriverManager.getConnection(
        PostgresSchema.SERVER + "?currentSchema=" + schema, PostgresSchema.USER, "");
  }

  private static int count(Connection db, String sql, UUID id) throws SQLException {
    try (var query = db.prepareStatement(sql)) {
      query.setObject(1, id);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
