package io.promptlens.app.billing;

import static io.promptlens.app.support.ApiClient.fields;
import static io.promptlens.app.support.Problems.assertProblem;
import static io.promptlens.app.support.Teams.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.BillingIntegration;
import io.promptlens.app.support.PolarWebhooks;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Paid work is charged exactly: reserved before, settled when stored, released when it fails, and
 * never past the balance, however many requests race for the last credits. A new workspace starts
 * with the free plan's grant, 10 credits in this context.
 */
@BillingIntegration
class CreditChargeTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Credits credits;
  @Autowired BillingHousekeeping housekeeping;

  @Test
  void fiftyConcurrentGenerationsOnABalanceOfTenGiveExactlyTenPromptsAndFortyRefusals()
      throws Exception {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "Race");
    byte[] image = TestImages.png(64, 48);
    assertThat(balance(ada, workspace)).isEqualTo(10);

    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return ada.prompt(workspace, image, fields("target", "flux"));
                }));
      }
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> answer : answers) {
        responses.add(answer.get(120, TimeUnit.SECONDS));
      }

      Map<Integer, Long> byStatus =
          responses.stream()
              .collect(Collectors.groupingBy(Response::status, Collectors.counting()));
      assertThat(byStatus).isEqualTo(Map.of(201, 10L, 402, 40L));
      for (Response refused : responses.stream().filter(r -> r.status() == 402).toList()) {
        assertProblem(refused, 402, "not enough credits: 0 left, this costs 1; top up or wait for");
      }
    } finally {
      pool.shutdownNow();
    }
    UUID ws = UUID.fromString(workspace);
    assertThat(ledgerSum(ws)).isZero();
    assertThat(cachedBalance(ws)).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM credit_ledger WHERE workspace_id = :ws AND kind ="
                        + " 'usage' AND amount = -1")
                .param("ws", ws)
                .query(Long.class)
                .single())
        .isEqualTo(10);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM generations WHERE workspace_id = :ws")
                .param("ws", ws)
                .query(Long.class)
                .single())
        .isEqualTo(10);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM credit_reservations WHERE workspace_id = :ws AND"
                        + " state = 'held'")
                .param("ws", ws)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anUploadThatFailsIsNotCharged() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "Failures");

    Response refused = ada.prompt(workspace, TestImages.text(), fields("target", "flux"));

    assertThat(refused.status()).isEqualTo(415);
    assertThat(balance(ada, workspace)).isEqualTo(10);
    assertThat(ledgerKinds(UUID.fromString(workspace))).containsExactly("grant");
  }

  @Test
  void anAnalysisCostsOneCreditAndTheLedgerRowNamesWhoAndWhat() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "Ledger");

    Response analysis = ada.analyze(workspace, TestImages.png(40, 30));

    assertThat(analysis.status()).as(analysis.body()).isEqualTo(201);
    assertThat(balance(ada, workspace)).isEqualTo(9);
    Map<String, Object> usage =
        jdbc.sql(
                "SELECT user_id, operation, operation_id, reason FROM credit_ledger"
                    + " WHERE workspace_id = :ws AND kind = 'usage'")
            .param("ws", UUID.fromString(workspace))
            .query()
            .singleRow();
    assertThat(usage.get("user_id").toString()).isEqualTo(ada.userId());
    assertThat(usage.get("operation")).isEqualTo("analysis");
    assertThat(usage.get("operation_id")).isEqualTo(analysis.json().get("id").asString());
    assertThat(usage.get("reason")).isEqualTo("local_analysis");
  }

  @Test
  void compilingAnotherPromptFromAStoredAnalysisIsFree() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "Compile");
    Response first = ada.prompt(workspace, TestImages.png(40, 30), fields("target", "flux"));

    Response again =
        ada.postJson(
            "/api/v1/workspaces/" + workspace + "/prompts",
            "{\"analysisId\": \""
                + first.json().get("analysisId").asString()
                + "\", \"target\": \"sdxl\"}");

    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(balance(ada, workspace)).isEqualTo(9);
  }

  @Test
  void aReservationACrashLeftBehindIsReleasedByHousekeeping() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "Crash");
    UUID ws = UUID.fromString(workspace);
    Charge charge =
        credits.reserve(
            new Payer(ws, UUID.fromString(ada.userId()), null), Operation.LOCAL_ANALYSIS);
    assertThat(credits.balance(ws).available()).isEqualTo(9);
    // the process died before settling; an hour later the reservation is long past its lifetime
    jdbc.sql(
            "UPDATE credit_reservations SET expires_at = created_at - INTERVAL '1' HOUR WHERE id ="
                + " :id")
        .param("id", charge.reservationId())
        .update();

    int released = housekeeping.releaseExpiredReservations();

    assertThat(released).isGreaterThanOrEqualTo(1);
    assertThat(credits.balance(ws).available()).isEqualTo(10);
    assertThat(credits.balance(ws).reserved()).isZero();
    assertThat(ledgerKinds(ws)).containsExactly("grant");
  }

  @Test
  void atTheCycleEndTheUnusedGrantExpiresAndTheNextComesWhileBoughtCreditsStay() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "Cycles");
    UUID ws = UUID.fromString(workspace);
    ada.analyze(workspace, TestImages.png(40, 30));
    new PolarWebhooks(port)
        .send(
            PolarWebhooks.packPaid(
                UUID.randomUUID().toString(), workspace, "prod_pack_small", 500));
    assertThat(balance(ada, workspace)).isEqualTo(509);
    // The cycle ended a minute ago.
    OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
    jdbc.sql(
            "UPDATE workspace_plans SET cycle_start = :start, cycle_end = :end WHERE workspace_id"
                + " = :ws")
        .param("start", end.minusMonths(1))
        .param("end", end)
        .param("ws", ws)
        .update();

    assertThat(balance(ada, workspace)).isEqualTo(510);
    assertThat(balance(ada, workspace)).isEqualTo(510);
    assertThat(ledgerKinds(ws))
        .containsExactlyInAnyOrder("grant", "usage", "purchase", "expiry", "grant");
    assertThat(ledgerSum(ws)).isEqualTo(cachedBalance(ws));
  }

  @Test
  void theCreditsEndpointShowsBalancePlanAndEntitlements() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = team(ada, "Shown");

    Response credits = ada.get("/api/v1/workspaces/" + workspace + "/credits");

    assertThat(credits.status()).as(credits.body()).isEqualTo(200);
    assertThat(credits.json().get("balance").asLong()).isEqualTo(10);
    assertThat(credits.json().get("available").asLong()).isEqualTo(10);
    assertThat(credits.json().at("/plan/plan").asString()).isEqualTo("free");
    assertThat(credits.json().at("/plan/seats").asInt()).isEqualTo(2);
    assertThat(credits.json().at("/plan/monthlyCredits").asLong()).isEqualTo(10);
  }

  static long balance(UserSession member, String workspace) {
    Response credits = member.get("/api/v1/workspaces/" + workspace + "/credits");
    assertThat(credits.status()).as(credits.body()).isEqualTo(200);
    return credits.json().get("balance").asLong();
  }

  long ledgerSum(UUID workspace) {
    return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM credit_ledger WHERE workspace_id = :ws")
        .param("ws", workspace)
        .query(Long.class)
        .single();
  }

  long cachedBalance(UUID workspace) {
    return jdbc.sql("SELECT balance FROM credit_balances WHERE workspace_id = :ws")
        .param("ws", workspace)
        .query(Long.class)
        .single();
  }

  List<String> ledgerKinds(UUID workspace) {
    return jdbc.sql("SELECT kind FROM credit_ledger WHERE workspace_id = :ws ORDER BY created_at")
        .param("ws", workspace)
        .query(String.class)
        .list();
  }
}
