package io.promptlens.app.batches;

import io.promptlens.app.workspaces.Owner;
import io.promptlens.core.caption.CaptionStyle;
import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import io.promptlens.vision.json.AnalysisJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Batches, items and results. Every read of a batch takes its workspace id, so another workspace's
 * batch is not found. State changes of an item are guarded by {@code state = 'queued'}, so a late
 * or repeated delivery changes nothing that is settled.
 */
@Repository
class BatchRepository {

  private final JdbcClient jdbc;

  BatchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A batch as stored. */
  record Batch(
      UUID id,
      UUID workspaceId,
      // Never null: insertBatch writes the owner, and erasing them reassigns it to the tombstone.
      UUID createdBy,
      BatchSpec spec,
      int total,
      int skipped,
      boolean cancelled,
      Instant createdAt) {}

  /** An item's state, without its bytes. */
  record Item(
      int itemNo,
      UUID operationId,
      String fileName,
      String state,
      int attempts,
      @Nullable String error,
      @Nullable UUID generationId,
      @Nullable String caption) {}

  /** What a worker needs for one attempt at an item. */
  record Work(Batch batch, int itemNo, String fileName, int attempts, byte @Nullable [] image) {}

  /** A finished item for downloads: its caption and the generation's prompt. */
  record Result(
      int itemNo,
      String fileName,
      String caption,
      String prompt,
      @Nullable String negativePrompt,
      String target,
      String mode,
      int tokens,
      String sha256,
      UUID analysisId,
      UUID generationId) {}

  void insertBatch(UUID id, Owner owner, BatchSpec spec, Instant now) {
    jdbc.sql(
            """
            INSERT INTO batches (id, workspace_id, created_by, target, mode, controls_json,
                caption_json, total, skipped, created_at)
            VALUES (:id, :ws, :user, :target, :mode, :controls, :caption, 0, 0, :now)
            """)
        .param("id", id)
        .param("ws", owner.workspaceId())
        .param("user", owner.userId())
        .param("target", spec.target())
        .param("mode", spec.mode().toString())
        .param("controls", AnalysisJson.write(spec.controls()))
        .param("caption", AnalysisJson.write(spec.caption()))
        .param("now", utc(now))
        .update();
  }

  void insertItem(
      UUID batchId,
      int itemNo,
      Owner owner,
      String fileName,
      byte[] image,
      @Nullable String failure,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO batch_items (batch_id, item_no, operation_id, workspace_id, created_by,
                file_name, state, error, image, updated_at)
            VALUES (:batch, :item, :op, :ws, :user, :name, :state, :error, :image, :now)
            """)
        .param("batch", batchId)
        .param("item", itemNo)
        .param("op", UUID.randomUUID())
        .param("ws", owner.workspaceId())
        .param("user", owner.userId())
        .param("name", fileName)
        .param("state", failure == null ? "queued" : "failed")
        .param("error", failure, java.sql.Types.VARCHAR)
        .param("image", failure == null ? image : null, java.sql.Types.BINARY)
        .param("now", utc(now))
        .update();
  }

  void setCounts(UUID batchId, int total, int skipped) {
    jdbc.sql("UPDATE batches SET total = :total, skipped = :skipped WHERE id = :id")
        .param("total", total)
        .param("skipped", skipped)
        .param("id", batchId)
        .update();
  }

  Optional<Batch> find(UUID workspaceId, UUID id) {
    return jdbc.sql("SELECT * FROM batches WHERE id = :id AND workspace_id = :ws")
        .param("id", id)
        .param("ws", workspaceId)
        .query(BatchRepository::batch)
        .optional();
  }

  /** The workspace's latest batches, newest first. */
  List<Batch> recent(UUID workspaceId, int limit) {
    return jdbc.sql(
            "SELECT * FROM batches WHERE workspace_id = :ws ORDER BY created_at DESC LIMIT :limit")
        .param("ws", workspaceId)
        .param("limit", limit)
        .query(BatchRepository::batch)
        .list();
  }

  List<Item> items(UUID batchId) {
    return jdbc.sql(
            """
            SELECT i.item_no, i.operation_id, i.file_name, i.state, i.attempts, i.error,
                r.generation_id, r.caption
            FROM batch_items i
            LEFT JOIN batch_results r ON r.batch_id = i.batch_id AND r.item_no = i.item_no
            WHERE i.batch_id = :batch ORDER BY i.item_no
            """)
        .param("batch", batchId)
        .query(
            (row, n) ->
                new Item(
                    row.getInt("item_no"),
                    row.getObject("operation_id", UUID.class),
                    row.getString("file_name"),
                    row.getString("state"),
                    row.getInt("attempts"),
                    row.getString("error"),
                    row.getObject("generation_id", UUID.class),
                    row.getString("caption")))
        .list();
  }

  List<Integer> queuedItems(UUID batchId) {
    return jdbc.sql(
            "SELECT item_no FROM batch_items WHERE batch_id = :batch AND state = 'queued'"
                + " ORDER BY item_no")
        .param("batch", batchId)
        .query(Integer.class)
        .list();
  }

  /** Every waiting item of every batch: what an in-process queue takes up again at start. */
  List<ItemRef> allQueued() {
    return jdbc.sql(
            "SELECT batch_id, item_no FROM batch_items WHERE state = 'queued'"
                + " ORDER BY updated_at, batch_id, item_no")
        .query(
            (row, n) -> new ItemRef(row.getObject("batch_id", UUID.class), row.getInt("item_no")))
        .list();
  }

  /**
   * Counts one more attempt at a waiting item and returns what the attempt needs; empty when the
   * item is settled (done, failed, cancelled) or unknown. The count is committed before any work,
   * so an attempt that kills its worker still counts.
   */
  Optional<Work> begin(ItemRef ref) {
    int updated =
        jdbc.sql(
                """
                UPDATE batch_items SET attempts = attempts + 1
                WHERE batch_id = :batch AND item_no = :item AND state = 'queued'
                """)
            .param("batch", ref.batchId())
            .param("item", ref.itemNo())
            .update();
    if (updated == 0) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            SELECT b.*, i.item_no, i.file_name, i.attempts, i.image
            FROM batch_items i JOIN batches b ON b.id = i.batch_id
            WHERE i.batch_id = :batch AND i.item_no = :item
            """)
        .param("batch", ref.batchId())
        .param("item", ref.itemNo())
        .query(
            (row, n) ->
                new Work(
                    batch(row, n),
                    row.getInt("item_no"),
                    row.getString("file_name"),
                    row.getInt("attempts"),
                    row.getBytes("image")))
        .optional();
  }

  boolean hasResult(ItemRef ref) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM batch_results WHERE batch_id = :batch AND item_no = :item")
            .param("batch", ref.batchId())
            .param("item", ref.itemNo())
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The result row, unique per batch and item; the caller settles the item in the same commit. */
  void insertResult(
      ItemRef ref,
      UUID workspaceId,
      UUID analysisId,
      UUID generationId,
      String caption,
      String sha256,
      String worker,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO batch_results (batch_id, item_no, workspace_id, analysis_id,
                generation_id, caption, image_sha256, worker, created_at)
            VALUES (:batch, :item, :ws, :analysis, :generation, :caption, :sha, :worker, :now)
            """)
        .param("batch", ref.batchId())
        .param("item", ref.itemNo())
        .param("ws", workspaceId)
        .param("analysis", analysisId)
        .param("generation", generationId)
        .param("caption", caption)
        .param("sha", sha256)
        .param("worker", worker.length() > 100 ? worker.substring(0, 100) : worker)
        .param("now", utc(now))
        .update();
  }

  /** A waiting item becomes failed (or done, cancelled) and its bytes are deleted. */
  boolean settle(ItemRef ref, String state, @Nullable String error, Instant now) {
    return jdbc.sql(
                """
                UPDATE batch_items SET state = :state, error = :error, image = NULL,
                    updated_at = :now
                WHERE batch_id = :batch AND item_no = :item AND state = 'queued'
                """)
            .param("state", state)
            .param("error", error == null ? null : trim(error), java.sql.Types.VARCHAR)
            .param("now", utc(now))
            .param("batch", ref.batchId())
            .param("item", ref.itemNo())
            .update()
        == 1;
  }

  /** The last error of an attempt that will be retried, for the item's state. */
  void recordError(ItemRef ref, String error) {
    jdbc.sql("UPDATE batch_items SET error = :error WHERE batch_id = :batch AND item_no = :item")
        .param("error", trim(error))
        .param("batch", ref.batchId())
        .param("item", ref.itemNo())
        .update();
  }

  /** Cancels what still waits; finished items keep their results. */
  void cancel(UUID batchId, Instant now) {
    jdbc.sql("UPDATE batches SET cancelled = TRUE WHERE id = :id").param("id", batchId).update();
    jdbc.sql(
            """
            UPDATE batch_items SET state = 'cancelled', image = NULL, updated_at = :now
            WHERE batch_id = :batch AND state = 'queued'
            """)
        .param("now", utc(now))
        .param("batch", batchId)
        .update();
  }

  /** The finished items in order, one at a time (a download never holds them all). */
  void results(UUID batchId, Consumer<Result> each) {
    jdbc.sql(
            """
            SELECT i.item_no, i.file_name, r.caption, g.prompt, g.negative_prompt, g.target,
                g.mode, g.tokens, r.image_sha256, r.analysis_id, r.generation_id
            FROM batch_results r
            JOIN batch_items i ON i.batch_id = r.batch_id AND i.item_no = r.item_no
            JOIN generations g ON g.id = r.generation_id
            WHERE r.batch_id = :batch ORDER BY i.item_no
            """)
        .param("batch", batchId)
        .query(
            (ResultSet row) -> {
              each.accept(
                  new Result(
                      row.getInt("item_no"),
                      row.getString("file_name"),
                      row.getString("caption"),
                      row.getString("prompt"),
                      row.getString("negative_prompt"),
                      row.getString("target"),
                      row.getString("mode"),
                      row.getInt("tokens"),
                      row.getString("image_sha256"),
                      row.getObject("analysis_id", UUID.class),
                      row.getObject("generation_id", UUID.class)));
            });
  }

  /** Which worker made each result: how a test sees that every instance took items. */
  List<String> workers(UUID batchId) {
    return jdbc.sql("SELECT worker FROM batch_results WHERE batch_id = :batch")
        .param("batch", batchId)
        .query(String.class)
        .list();
  }

  private static Batch batch(ResultSet row, int n) throws SQLException {
    BatchSpec spec =
        new BatchSpec(
            row.getString("target"),
            Mode.parse(row.getString("mode")),
            AnalysisJson.mapper().readValue(row.getString("controls_json"), Controls.class),
            AnalysisJson.mapper().readValue(row.getString("caption_json"), CaptionStyle.class));
    return new Batch(
        row.getObject("id", UUID.class),
        row.getObject("workspace_id", UUID.class),
        row.getObject("created_by", UUID.class),
        spec,
        row.getInt("total"),
        row.getInt("skipped"),
        row.getBoolean("cancelled"),
        row.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private static String trim(String error) {
    String one = error.replace('\n', ' ');
    return one.length() > 500 ? one.substring(0, 497) + "..." : one;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
