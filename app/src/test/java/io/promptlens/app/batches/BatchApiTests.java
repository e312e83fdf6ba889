package io.promptlens.app.batches;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TestImages;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The batch API on the default in-process queue: upload, watch, download, cancel. */
@AppIntegration
class BatchApiTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static Map<String, byte[]> threeImages() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("red.png", TestImages.png(200, 150));
    files.put("noise.png", TestImages.noisePng(120, 120, 3));
    files.put("board.jpg", TestImages.jpeg(160, 160));
    return files;
  }

  @Test
  void aBatchIsAcceptedThenEveryImageGetsACaptionWithTheTriggerFirst() {
    BatchClient api = BatchClient.forNewPerson(port, "Batcher");

    BatchClient.Answer created =
        api.upload(threeImages(), Map.of("target", "sdxl", "trigger", "mystyle"));

    assertThat(created.status()).as(created.body()).isEqualTo(202);
    String id = created.json().get("id").asString();
    assertThat(created.json().get("total").asInt()).isEqualTo(3);
    JsonNode batch = api.awaitSettled(id, WAIT);
    assertThat(batch.get("status").asString()).isEqualTo("done");
    assertThat(batch.get("counts").get("done").asInt()).isEqualTo(3);
    for (JsonNode item : batch.get("items")) {
      assertThat(item.get("caption").asString()).startsWith("mystyle, ");
      assertThat(item.get("operationId").asString()).hasSize(36);
    }
  }

  @Test
  void eachResultIsInTheWorkspaceHistoryAndNoImageBytesAreKept() {
    BatchClient api = BatchClient.forNewPerson(port, "Historian");
    String id = api.upload(threeImages(), Map.of()).json().get("id").asString();

    api.awaitSettled(id, WAIT);

    JsonNode history = api.get("/api/v1/workspaces/" + api.workspace + "/generations").json();
    assertThat(history.size()).isEqualTo(3);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM batch_items WHERE batch_id = :id AND image IS NOT NULL")
                .param("id", java.util.UUID.fromString(id))
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void eachCaptionedItemIsChargedOnceInTheWorkspacesLedger() {
    BatchClient api = BatchClient.forNewPerson(port, "Payer");
    String id = api.upload(threeImages(), Map.of()).json().get("id").asString();

    api.awaitSettled(id, WAIT);

    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM credit_ledger WHERE kind = 'usage'"
                        + " AND operation = 'batch_item' AND operation_id LIKE :batch")
                .param("batch", id + "#%")
                .query(Integer.class)
                .single())
        .isEqualTo(3);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM credit_reservations WHERE state = 'held'"
                        + " AND workspace_id = :ws")
                .param("ws", java.util.UUID.fromString(api.workspace))
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void theZipDownloadHoldsOneSidecarPerImageAndTheCsv() {
    BatchClient api = BatchClient.forNewPerson(port, "Zipper");
    Map<String, byte[]> zipped = new LinkedHashMap<>();
    zipped.put("set/one.png", TestImages.png(100, 100));
    zipped.put("set/deeper/two.jpg", TestImages.jpeg(90, 120));
    String id =
        api.upload(Map.of("images.zip", BatchClient.zip(zipped)), Map.of("trigger", "tok"))
            .json()
            .get("id")
            .asString();
    api.awaitSettled(id, WAIT);

    Map<String, String> download =
        BatchClient.unzip(api.download(api.batches() + "/" + id + "/results?format=zip"));

    assertThat(download).containsOnlyKeys("set/one.txt", "set/deeper/two.txt", "captions.csv");
    assertThat(download.get("set/one.txt")).startsWith("tok, ").endsWith("\n");
    List<String> csv = download.get("captions.csv").lines().toList();
    assertThat(csv.get(0)).startsWith("file,caption,prompt,negative_prompt,target,mode,tokens");
    assertThat(csv).hasSize(3);
    assertThat(csv.get(1)).startsWith("set/one.png,\"tok, ");
  }

  @Test
  void csvAndJsonlDownloadsCarryOneRowPerImage() {
    BatchClient api = BatchClient.forNewPerson(port, "Rows");
    String id = api.upload(threeImages(), Map.of("target", "flux")).json().get("id").asString();
    api.awaitSettled(id, WAIT);

    String csv = new String(api.download(api.batches() + "/" + id + "/results?format=csv"));
    String jsonl = new String(api.download(api.batches() + "/" + id + "/results?format=jsonl"));

    assertThat(csv.lines()).hasSize(4);
    assertThat(jsonl.lines()).hasSize(3);
    JsonNode row =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(jsonl.lines().findFirst().orElseThrow());
    assertThat(row.get("file").asString()).isEqualTo("red.png");
    assertThat(row.get("target").asString()).isEqualTo("flux");
    assertThat(row.get("generationId").asString()).hasSize(36);
    assertThat(api.get(api.batches() + "/" + id + "/results?format=pdf").status()).isEqualTo(400);
  }

  @Test
  void aBrokenImageFailsAloneWithItsReasonAndTheBatchStillFinishes() {
    BatchClient api = BatchClient.forNewPerson(port, "Broken");
    Map<String, byte[]> files = new LinkedHashMap<>(threeImages());
    files.put("broken.jpg", TestImages.truncatedJpeg(200, 200));

    String id = api.upload(files, Map.of()).json().get("id").asString();
    JsonNode batch = api.awaitSettled(id, WAIT);

    assertThat(batch.get("status").asString()).isEqualTo("done");
    assertThat(batch.get("counts").get("done").asInt()).isEqualTo(3);
    JsonNode broken =
        StreamSupport.stream(batch.get("items").spliterator(), false)
            .filter(i -> i.get("file").asString().equals("broken.jpg"))
            .findFirst()
            .orElseThrow();
    assertThat(broken.get("state").asString()).isEqualTo("failed");
    assertThat(broken.get("error").asString()).isNotBlank().doesNotContain("Exception");
  }

  @Test
  void hiddenFilesAndNonImagesAreLeftOutAndCounted() {
    BatchClient api = BatchClient.forNewPerson(port, "Sorter");
    Map<String, byte[]> zipped = new LinkedHashMap<>();
    zipped.put("a.png", TestImages.png(80, 80));
    zipped.put("notes.txt", TestImages.text());
    zipped.put("__MACOSX/._a.png", TestImages.png(10, 10));
    zipped.put(".DS_Store", new byte[] {0, 0, 0, 1});

    JsonNode batch = api.upload(Map.of("photos.zip", BatchClient.zip(zipped)), Map.of()).json();

    assertThat(batch.get("total").asInt()).isEqualTo(1);
    assertThat(batch.get("skipped").asInt()).isEqualTo(3);
  }

  @Test
  void anUploadWithoutImagesOrWithBadOptionsIsRefusedAndStoresNothing() {
    BatchClient api = BatchClient.forNewPerson(port, "Careful");
    int before = batchRows();

    BatchClient.Answer none = api.upload(Map.of("notes.txt", TestImages.text()), Map.of());
    BatchClient.Answer target = api.upload(threeImages(), Map.of("target", "nope"));
    BatchClient.Answer mode = api.upload(threeImages(), Map.of("mode", "edit"));
    BatchClient.Answer trigger = api.upload(threeImages(), Map.of("trigger", "a,b"));

    for (BatchClient.Answer answer : List.of(none, target, mode, trigger)) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertThat(answer.body()).contains("\"detail\"").doesNotContain("Exception", "\tat ");
    }
    assertThat(batchRows()).isEqualTo(before);
  }

  @Test
  void cancellingKeepsFinishedCaptionsAndLeavesNothingWaiting() {
    BatchClient api = BatchClient.forNewPerson(port, "Canceller");
    String id = api.upload(threeImages(), Map.of()).json().get("id").asString();

    BatchClient.Answer cancelled = api.delete(api.batches() + "/" + id);

    assertThat(cancelled.status()).isEqualTo(200);
    JsonNode batch = api.awaitSettled(id, WAIT);
    assertThat(batch.get("status").asString()).isEqualTo("cancelled");
    assertThat(batch.get("counts").get("queued").asInt()).isZero();
    assertThat(
            batch.get("counts").get("done").asInt() + batch.get("counts").get("cancelled").asInt())
        .isEqualTo(3);
  }

  @Test
  void anotherWorkspacesBatchDoesNotExistForYou() {
    BatchClient ada = BatchClient.forNewPerson(port, "Ada");
    BatchClient eve = BatchClient.forNewPerson(port, "Eve");
    String id = ada.upload(threeImages(), Map.of()).json().get("id").asString();

    BatchClient.Answer peek = eve.get("/api/v1/workspaces/" + eve.workspace + "/batches/" + id);

    assertThat(peek.status()).isEqualTo(404);
  }

  private int batchRows() {
    return jdbc.sql("SELECT COUNT(*) FROM batches").query(Integer.class).single();
  }
}
