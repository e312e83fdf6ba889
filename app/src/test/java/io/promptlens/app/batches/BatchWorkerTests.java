package io.promptlens.app.batches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import io.promptlens.app.workspaces.Owner;
import io.promptlens.core.caption.CaptionStyle;
import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One worker attempt at a time, as any queue delivers them: at-least-once delivery never makes a
 * second result, a poison item fails on its third attempt, a cancelled item is left alone. Items
 * are written straight to the repository, so no queue takes them first.
 */
@AppIntegration
class BatchWorkerTests {

  @LocalServerPort int port;
  @Autowired BatchWorker worker;
  @Autowired BatchRepository batches;
  @Autowired JdbcClient jdbc;

  private ItemRef item(byte[] image) {
    UserSession person = UserSession.verified(port, "Worker");
    Owner owner =
        new Owner(UUID.fromString(person.personalWorkspace()), UUID.fromString(person.userId()));
    UUID batch = UUID.randomUUID();
    BatchSpec spec =
        new BatchSpec(
            "sdxl",
            Mode.FULL,
            new Controls(
                null, false, true, null, null, List.of(), List.of(), true, false, null, 1, 0),
            new CaptionStyle("tok", null, null, List.of(), false));
    batches.insertBatch(batch, owner, spec, Instant.now());
    batches.insertItem(batch, 1, owner, "one.png", image, null, Instant.now());
    batches.setCounts(batch, 1, 0);
    return new ItemRef(batch, 1);
  }

  private int results(ItemRef ref) {
    return jdbc.sql("SELECT COUNT(*) FROM batch_results WHERE batch_id = :b")
        .param("b", ref.batchId())
        .query(Integer.class)
        .single();
  }

  private String state(ItemRef ref) {
    return jdbc.sql("SELECT state FROM batch_items WHERE batch_id = :b AND item_no = :i")
        .param("b", ref.batchId())
        .param("i", ref.itemNo())
        .query(String.class)
        .single();
  }

  @Test
  void aSecondDeliveryOfAFinishedItemChangesNothing() {
    ItemRef ref = item(TestImages.png(64, 64));

    assertThat(worker.work(ref)).isEqualTo(BatchWorker.Outcome.DONE);
    assertThat(worker.work(ref)).isEqualTo(BatchWorker.Outcome.SETTLED);

    assertThat(results(ref)).isEqualTo(1);
    assertThat(state(ref)).isEqualTo("done");
  }

  @Test
  void aDeliveryThatRacedACommittedResultStoresNoSecondOne() {
    ItemRef ref = item(TestImages.png(64, 64));
    worker.work(ref);
    // As if the item's state had not been seen as settled: the result's key still holds.
    jdbc.sql("UPDATE batch_items SET state = 'queued', image = :img WHERE batch_id = :b")
        .param("img", TestImages.png(64, 64))
        .param("b", ref.batchId())
        .update();

    worker.work(ref);

    assertThat(results(ref)).isEqualTo(1);
    assertThat(state(ref)).isEqualTo("done");
  }

  @Test
  void anItemOnItsFourthDeliveryIsPoisonAndFailedWithItsBytesGone() {
    ItemRef ref = item(TestImages.png(64, 64));
    jdbc.sql("UPDATE batch_items SET attempts = 3 WHERE batch_id = :b")
        .param("b", ref.batchId())
        .update();

    assertThat(worker.work(ref)).isEqualTo(BatchWorker.Outcome.POISON);

    assertThat(state(ref)).isEqualTo("failed");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM batch_items WHERE batch_id = :b AND image IS NULL")
                .param("b", ref.batchId())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anUndecodableImageFailsAtOnceWithItsReason() {
    ItemRef ref = item(TestImages.truncatedJpeg(200, 200));

    assertThat(worker.work(ref)).isEqualTo(BatchWorker.Outcome.FAILED);

    assertThat(state(ref)).isEqualTo("failed");
    assertThat(results(ref)).isZero();
  }

  @Test
  void aCancelledItemIsNotWorkedOn() {
    ItemRef ref = item(TestImages.png(64, 64));
    batches.cancel(ref.batchId(), Instant.now());

    assertThat(worker.work(ref)).isEqualTo(BatchWorker.Outcome.SETTLED);

    assertThat(state(ref)).isEqualTo("cancelled");
    assertThat(results(ref)).isZero();
  }

  @Test
  void aReferenceThatIsNotAnItemIsRefused() {
    assertThatThrownBy(() -> ItemRef.parse("garbage")).isInstanceOf(IllegalArgumentException.class);
    assertThat(worker.work(new ItemRef(UUID.randomUUID(), 1)))
        .isEqualTo(BatchWorker.Outcome.SETTLED);
  }
}
