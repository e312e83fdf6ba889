package io.promptlens.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.ChildApp;
import io.promptlens.app.support.PostgresSchema;
import io.promptlens.app.support.TcpProxy;
import io.promptlens.app.support.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The database goes away under a running app: a PostgreSQL-backed app process reaches its database
 * through a loopback relay, which the test cuts. Every kind of request that needs the database,
 * including those that fail in a filter before any controller (the session, remember-me and API-key
 * lookups), is answered 503 with {@code Retry-After}, never 500; when the relay is restored the app
 * serves again by itself, and what it acknowledged before is still there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DatabaseOutageTests {

  /** Requests that each reach the database a different way. */
  enum Request {
    PROMPT_FROM_A_STORED_ANALYSIS(
        (c, analysis) ->
            c.postJson(
                "/api/v1/prompts", "{\"analysisId\": \"" + analysis + "\", \"target\": \"flux\"}")),
    READ_AN_ANALYSIS((c, analysis) -> c.get("/api/v1/analyses/" + analysis)),
    UPLOAD((c, analysis) -> c.postImage("/api/v1/analyses", TestImages.png(32, 24))),
    WITH_AN_API_KEY(
        (c, analysis) ->
            c.withKey("pl_" + UUID.randomUUID()).get("/api/v1/workspaces/" + UUID.randomUUID())),
    // Spring Session's cookie holds the session id in Base64.
    WITH_A_SESSION_COOKIE(
        (c, analysis) ->
            c.withCookie("SESSION=" + base64(UUID.randomUUID().toString())).get("/history")),
    WITH_A_REMEMBER_ME_COOKIE(
        (c, analysis) ->
            c.withCookie("remember-me=" + base64("series" + UUID.randomUUID() + ":token"))
                .get("/history"));

    final BiFunction<ApiClient, String, Response> send;

    Request(BiFunction<ApiClient, String, Response> send) {
      this.send = send;
    }

    private static String base64(String text) {
      return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @TempDir static Path dataDir;
  final String schema = PostgresSchema.newName();
  TcpProxy relay;
  ChildApp app;
  ApiClient client;
  String analysis;

  @BeforeAll
  void appWhoseDatabaseIsCut() {
    relay = new TcpProxy(5432);
    Map<String, String> settings = new java.util.HashMap<>(PostgresSchema.settings(schema));
    settings.put(
        "spring.datasource.url",
        "jdbc:postgresql://127.0.0.1:" + relay.port() + "/test?currentSchema=" + schema);
    app = ChildApp.start(dataDir, settings);
    client = new ApiClient(app.port());
    Response analysed = client.postImage("/api/v1/analyses", TestImages.png(64, 48));
    assertThat(analysed.status()).as(analysed.body()).isEqualTo(201);
    analysis = analysed.json().get("id").asString();
    relay.cut();
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    relay.close();
    PostgresSchema.drop(schema);
  }

  @Order(1)
  @ParameterizedTest
  @EnumSource(Request.class)
  void aRequestDuringTheOutageIsAnswered503WithRetryAfter(Request request) {
    Response response = request.send.apply(client, analysis);

    assertThat(response.status()).as(response.body() + "\n" + app.logTail()).isEqualTo(503);
    assertThat(response.header("Retry-After")).isNotNull().matches("\\d+");
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Order(2)
  @Test
  void theAppServesAgainByItselfWhenTheDatabaseReturns() throws InterruptedException {
    relay.restore();

    List<Integer> answers = new ArrayList<>();
    Response response = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      response = Request.PROMPT_FROM_A_STORED_ANALYSIS.send.apply(client, analysis);
      answers.add(response.status());
      if (response.status() == 201) {
        break;
      }
      Thread.sleep(200);
    }

    assertThat(answers).as("statuses while reconnecting").last().isEqualTo(201);
    assertThat(answers).doesNotContain(500);
    assertThat(client.get("/api/v1/analyses/" + analysis).status()).isEqualTo(200);
  }
}
