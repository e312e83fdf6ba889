package io.promptlens.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.ChildApp;
import io.promptlens.app.support.PostgresSchema;
import io.promptlens.app.support.TestImages;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL during writes, on a real process: four clients upload images as fast as the app takes
 * them (each upload stores an analysis and its generation in one transaction), the process is
 * killed while requests are in flight, and started again on the same database. Every write the app
 * acknowledged (201 with the generation in the body) is there, and no analysis was stored without
 * its generation or the other way round. The same for compiles of a stored analysis, whose rows are
 * written by group commit (several requests' rows in one transaction).
 */
class CrashConsistencyTests {

  private static final int WRITERS = 4;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 80;

  /** One write a client makes again and again: its {@code n}th request. */
  private interface Write {
    Response send(ApiClient client, long seed, long n);
  }

  private static final Write UPLOAD =
      (client, seed, n) ->
          client.postImage("/api/v1/prompts", TestImages.noisePng(48, 32, seed * 1_000_000 + n));

  @TempDir Path dataDir;

  /** Acknowledged generation id → its analysis id. */
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void acknowledgedWritesSurviveSigkillOnTheDefaultH2File() throws Exception {
    Map<String, String> h2 = Map.of();
    writeUntilKilled(h2, setup -> UPLOAD);

    try (ChildApp restarted = ChildApp.start(dataDir, h2)) {
      assertEveryAcknowledgedWriteIsThere(restarted);
      restarted.stop(); // H2 allows one process per file: the app closes it, then we look.
    }
    try (Connection db =
        DriverManager.getConnection(
            "jdbc:h2:file:" + dataDir.resolve("promptlens") + ";USER=sa;PASSWORD=")) {
      assertNothingHalfWritten(db);
    }
  }

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void acknowledgedWritesSurviveSigkillOnPostgres() throws Exception {
    String schema = PostgresSchema.newName();
    Map<String, String> postgres = PostgresSchema.settings(schema);
    try {
      writeUntilKilled(postgres, setup -> UPLOAD);

      try (ChildApp restarted = ChildApp.start(dataDir, postgres)) {
        assertEveryAcknowledgedWriteIsThere(restarted);
      }
      try (Connection db =
          DriverManager.getConnection(
              PostgresSchema.SERVER + "?currentSchema=" + schema, PostgresSchema.USER, "")) {
        assertNothingHalfWritten(db);
      }
    } finally {
      PostgresSchema.drop(schema);
    }
  }

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void acknowledgedCompilesOfAStoredAnalysisSurviveSigkillOnTheDefaultH2File() throws Exception {
    Map<String, String> h2 = Map.of();
    writeUntilKilled(
        h2,
        setup -> {
          String analysisId =
              setup
                  .postImage("/api/v1/analyses", TestImages.noisePng(48, 32, 7))
                  .json()
                  .get("id")
                  .asString();
          // Each request differs (a word to avoid): an identical one within a minute would be
          // answered with the generation already stored, writing nothing.
          return (client, seed, n) ->
              client.postJson(
                  "/api/v1/prompts",
                  "{\"analysisId\": \"%s\", \"target\": \"flux\", \"controls\": {\"avoid\": [\"w%d_%d\"]}}"
                      .formatted(analysisId, seed, n));
        });

    try (ChildApp restarted = ChildApp.start(dataDir, h2)) {
      assertEveryAcknowledgedWriteIsThere(restarted);
    }
  }

  /**
   * Starts the app, writes concurrently and kills it once enough writes were acknowledged.
   *
   * @param prepare given a client of the started app, what each writer sends
   */
  private void writeUntilKilled(
      Map<String, String> database, java.util.function.Function<ApiClient, Write> prepare)
      throws InterruptedException {
    ChildApp app = ChildApp.start(dataDir, database);
    Write request = prepare.apply(new ApiClient(app.port()));
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try {
      for (int i = 0; i < WRITERS; i++) {
        long seed = i;
        writers.submit(() -> write(app.port(), seed, killed, request));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      killed.set(true);
      app.kill();
    } finally {
      writers.shutdown();
      writers.awaitTermination(30, TimeUnit.SECONDS);
      app.close();
    }
    assertThat(acknowledged)
        .as("writes acknowledged before the kill:\n" + app.logTail())
        .hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
  }

  /** Writes until the connection breaks; only a complete 201 counts as acknowledged. */
  private void write(int port, long seed, AtomicBoolean killed, Write request) {
    ApiClient client = new ApiClient(port);
    for (long n = 0; ; n++) {
      Response response;
      try {
        response = request.send(client, seed, n);
      } catch (UncheckedIOException | IllegalStateException cut) {
        return; // the process died with this request in flight: it was never acknowledged
      }
      if (response.status() == 201) {
        acknowledged.put(
            response.json().get("id").asString(), response.json().get("analysisId").asString());
      } else if (response.status() != 503 && !killed.get()) {
        throw new AssertionError(response.status() + ": " + response.body());
      }
    }
  }

  private void assertEveryAcknowledgedWriteIsThere(ChildApp app) {
    ApiClient client = new ApiClient(app.port());
    List<String> missing = new ArrayList<>();
    acknowledged.forEach(
        (generation, analysis) -> {
          Response found = client.get("/api/v1/generations/" + generation);
          if (found.status() != 200
              || !found.json().get("analysisId").asString().equals(analysis)) {
            missing.add(generation + " → " + found.status());
          }
        });
    assertThat(missing).as("acknowledged writes lost of " + acknowledged.size()).isEmpty();
  }

  private static void assertNothingHalfWritten(Connection db) throws SQLException {
    assertThat(
            count(
                db,
                "SELECT COUNT(*) FROM analyses a"
                    + " WHERE NOT EXISTS (SELECT 1 FROM generations g WHERE g.analysis_id = a.id)"))
        .as("analyses stored without their generation")
        .isZero();
    assertThat(
            count(
                db,
                "SELECT COUNT(*) FROM generations g"
                    + " WHERE NOT EXISTS (SELECT 1 FROM analyses a WHERE a.id = g.analysis_id)"))
        .as("generations stored without their analysis")
        .isZero();
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
