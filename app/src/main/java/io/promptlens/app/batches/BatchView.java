package io.promptlens.app.batches;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A batch as the API and the page show it. {@code status}: {@code running} while any item waits,
 * then {@code done}; {@code cancelled} once cancelled (finished items keep their results).
 */
record BatchView(
    UUID id,
    String status,
    String target,
    String mode,
    int total,
    int skipped,
    Counts counts,
    Instant createdAt,
    List<ItemView> items) {

  record Counts(int queued, int done, int failed, int cancelled) {}

  record ItemView(
      int item,
      String file,
      String state,
      int attempts,
      @Nullable String error,
      @Nullable String caption,
      @Nullable UUID generationId,
      UUID operationId) {}

  static BatchView of(BatchRepository.Batch batch, List<BatchRepository.Item> items) {
    int queued = 0;
    int done = 0;
    int failed = 0;
    int cancelled = 0;
    for (BatchRepository.Item item : items) {
      switch (item.state()) {
        case "queued" -> queued++;
        case "done" -> done++;
        case "failed" -> failed++;
        default -> cancelled++;
      }
    }
    String status = batch.cancelled() ? "cancelled" : queued > 0 ? "running" : "done";
    return new BatchView(
        batch.id(),
        status,
        batch.spec().target(),
        batch.spec().mode().toString(),
        batch.total(),
        batch.skipped(),
        new Counts(queued, done, failed, cancelled),
        batch.createdAt(),
        items.stream()
            .map(
                i ->
                    new ItemView(
                        i.itemNo(),
                        i.fileName(),
                        i.state(),
                        i.attempts(),
                        i.error(),
                        i.caption(),
                        i.generationId(),
                        i.operationId()))
            .toList());
  }
}
