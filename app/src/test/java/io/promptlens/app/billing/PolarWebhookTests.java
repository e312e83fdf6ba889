package io.promptlens.app.billing;

import static io.promptlens.app.billing.CreditChargeTests.balance;
import static io.promptlens.app.support.Teams.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.BillingIntegration;
import io.promptlens.app.support.PolarWebhooks;
import io.promptlens.app.support.UserSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Polar's webhook, sent over HTTP to the running app with the Standard Webhooks signature: valid
 * events act once, replays and repeated orders do nothing more, an older subscription state never
 * overwrites a newer one, and a tampered body, a wrong secret or a stale timestamp is 403 with
 * nothing stored. Free workspaces start with 10 credits here; the small pack adds 500.
 */
@BillingIntegration
class PolarWebhookTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Credits credits;
  PolarWebhooks polar;
  UserSession ada;
  String workspace;

  @BeforeEach
  void workspace() {
    polar = new PolarWebhooks(port);
    ada = UserSession.verified(port, "Ada");
    workspace = team(ada, "Paying");
  }

  @Test
  void aPaidPackAddsItsCreditsOnceHoweverOftenItIsDelivered() {
    String body = smallPack();
    String id = "msg_" + UUID.randomUUID();

    Response first = polar.send(id, Instant.now(), body, PolarWebhooks.SDK_KEY);
    Response replay = polar.send(id, Instant.now(), body, PolarWebhooks.SDK_KEY);
    Response sameOrderNewDelivery = polar.send(body);

    assertThat(first.status()).as(first.body()).isEqualTo(202);
    assertThat(replay.status()).isEqualTo(202);
    assertThat(sameOrderNewDelivery.status()).isEqualTo(202);
    assertThat(balance(ada, workspace)).isEqualTo(510);
    assertThat(kinds()).containsExactlyInAnyOrder("grant", "purchase");
  }

  @Test
  void theSpecificationsReadingOfTheSecretIsAcceptedToo() {
    Response response =
        polar.send("msg_" + UUID.randomUUID(), Instant.now(), smallPack(), PolarWebhooks.SPEC_KEY);

    assertThat(response.status()).isEqualTo(202);
    assertThat(balance(ada, workspace)).isEqualTo(510);
  }

  @Test
  void oneValidSignatureAmongSeveralIsEnough() {
    String id = "msg_" + UUID.randomUUID();
    String ts = Long.toString(Instant.now().getEpochSecond());
    String body = smallPack();
    String good = PolarWebhooks.sign(PolarWebhooks.SDK_KEY, id, ts, body);

    Response response = polar.deliver(id, ts, body, "v1,AAAA v1," + good);

    assertThat(response.status()).isEqualTo(202);
    assertThat(balance(ada, workspace)).isEqualTo(510);
  }

  @Test
  void aTamperedBodyIsRefusedAndNothingIsStored() {
    String id = "msg_" + UUID.randomUUID();
    String ts = Long.toString(Instant.now().getEpochSecond());
    String body = smallPack();
    String signature = "v1," + PolarWebhooks.sign(PolarWebhooks.SDK_KEY, id, ts, body);

    Response response =
        polar.deliver(id, ts, body.replace("prod_pack_small", "prod_pack_large"), signature);

    assertRefused(response, id);
  }

  @Test
  void aSignatureMadeWithAnotherSecretIsRefused() {
    assertSmallPackRefused(Instant.now(), "whsec_another-secret".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aTimestampMoreThanFiveMinutesOldIsRefused() {
    assertSmallPackRefused(Instant.now().minus(Duration.ofMinutes(6)), PolarWebhooks.SDK_KEY);
  }

  @Test
  void aDeliveryWithoutSignatureHeadersIsRefused() {
    Response response =
        new io.promptlens.app.support.ApiClient(port)
            .post(
                "/api/v1/billing/polar/webhook",
                "application/json",
                smallPack().getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(403);
    assertThat(balance(ada, workspace)).isEqualTo(10);
  }

  @Test
  void anUnknownEventIsAcknowledgedAndIgnored() {
    String id = "msg_" + UUID.randomUUID();

    Response response =
        polar.send(
            id,
            Instant.now(),
            PolarWebhooks.event("benefit_grant.created", "{\"id\": \"bg_1\"}"),
            PolarWebhooks.SDK_KEY);

    assertThat(response.status()).isEqualTo(202);
    assertThat(deliveries(id)).isEqualTo(1);
    assertThat(balance(ada, workspace)).isEqualTo(10);
  }

  @Test
  void aSubscriptionStartsThePlanAndItsPaidOrderReplacesTheFreeGrant() {
    assertThat(this.credits.analysisOperation(UUID.fromString(workspace), true))
        .as("the free plan has no provider access")
        .isEqualTo(Operation.LOCAL_ANALYSIS);
    String subscription = "sub_" + UUID.randomUUID();
    sendSubscription(
        "subscription.active", subscription, "prod_pro", "active", "2026-12-01T09:00:01Z", null);
    polar.send(
        PolarWebhooks.subscriptionPaid(
            order(),
            workspace,
            "prod_pro",
            "subscription_create",
            subscription,
            "2026-12-01T09:00:00Z",
            "2027-01-01T09:00:00Z"));

    JsonNode shown = creditsShown();
    assertThat(shown.at("/plan/plan").asString()).isEqualTo("pro");
    assertThat(shown.at("/plan/seats").asInt()).isEqualTo(5);
    assertThat(shown.at("/plan/providerAccess").asBoolean()).isTrue();
    // the free grant's 10 expired, the Pro grant's 1000 came in
    assertThat(shown.get("balance").asLong()).isEqualTo(1000);
    assertThat(kinds()).containsExactlyInAnyOrder("grant", "expiry", "grant");
    assertThat(this.credits.analysisOperation(UUID.fromString(workspace), true))
        .isEqualTo(Operation.PROVIDER_ANALYSIS);
  }

  @Test
  void anOlderSubscriptionUpdateNeverOverwritesANewerOne() {
    String subscription = "sub_" + UUID.randomUUID();
    sendSubscription(
        "subscription.past_due", subscription, "prod_team", "past_due", "2026-12-04T12:00:00Z", 7);

    sendSubscription(
        "subscription.updated", subscription, "prod_team", "active", "2026-12-02T12:00:00Z", 3);

    JsonNode shown = creditsShown();
    assertThat(shown.at("/plan/status").asString()).isEqualTo("past_due");
    assertThat(shown.at("/plan/plan").asString()).isEqualTo("team");
    assertThat(shown.at("/plan/seats").asInt()).isEqualTo(7);
  }

  @Test
  void aRevokedSubscriptionReturnsTheWorkspaceToTheFreePlan() {
    String subscription = "sub_" + UUID.randomUUID();
    sendSubscription(
        "subscription.active", subscription, "prod_pro", "active", "2026-12-01T09:00:01Z", null);

    sendSubscription(
        "subscription.revoked", subscription, "prod_pro", "canceled", "2026-12-05T09:00:00Z", null);

    JsonNode shown = creditsShown();
    assertThat(shown.at("/plan/plan").asString()).isEqualTo("free");
    assertThat(shown.at("/plan/seats").asInt()).isEqualTo(2);
  }

  @Test
  void aRefundTakesBackItsShareOnceHoweverPolarReportsIt() {
    String order = order();
    polar.send(PolarWebhooks.packPaid(order, workspace, "prod_pack_small", 500));

    polar.send(PolarWebhooks.refundCreated("ref_" + UUID.randomUUID(), order, 250));
    polar.send(PolarWebhooks.orderRefunded(order, workspace, "prod_pack_small", 500, 250));

    assertThat(balance(ada, workspace)).isEqualTo(260);
    assertThat(kinds()).containsExactlyInAnyOrder("grant", "purchase", "refund");
  }

  @Test
  void aRefundNeverOverdrawsTheWorkspace() {
    String order = order();
    polar.send(PolarWebhooks.packPaid(order, workspace, "prod_pack_small", 500));
    credits.adjust(UUID.fromString(workspace), -505, "test: the pack was mostly spent");

    polar.send(PolarWebhooks.orderRefunded(order, workspace, "prod_pack_small", 500, 500));

    assertThat(balance(ada, workspace)).isZero();
    assertThat(kinds()).containsExactlyInAnyOrder("grant", "purchase", "adjustment", "refund");
  }

  /** The small pack sent at {@code sentAt}, signed with {@code key}: refused, nothing stored. */
  private void assertSmallPackRefused(Instant sentAt, byte[] key) {
    String id = "msg_" + UUID.randomUUID();
    assertRefused(polar.send(id, sentAt, smallPack(), key), id);
  }

  private void assertRefused(Response response, String id) {
    assertThat(response.status()).as(response.body()).isEqualTo(403);
    assertThat(response.body()).doesNotContain("Exception");
    assertThat(deliveries(id)).isZero();
    assertThat(balance(ada, workspace)).isEqualTo(10);
    assertThat(kinds()).containsExactlyInAnyOrder("grant");
  }

  private long deliveries(String id) {
    return jdbc.sql("SELECT COUNT(*) FROM polar_webhook_events WHERE webhook_id = :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  private java.util.List<String> kinds() {
    return jdbc.sql(
            "SELECT kind FROM credit_ledger WHERE workspace_id = :ws ORDER BY created_at, kind")
        .param("ws", UUID.fromString(workspace))
        .query(String.class)
        .list();
  }

  /** Polar's {@code subscription.*} event for this workspace, never cancelling at period end. */
  private void sendSubscription(
      String type,
      String subscription,
      String product,
      String status,
      String modifiedAt,
      @Nullable Integer seats) {
    polar.send(
        PolarWebhooks.subscription(
            type, subscription, workspace, product, status, false, modifiedAt, seats));
  }

  /** What the credits API says of this workspace, as its owner reads it. */
  private JsonNode creditsShown() {
    return ada.get("/api/v1/workspaces/" + workspace + "/credits").json();
  }

  /** Polar's event for a new order of the small pack (500 credits) for this workspace. */
  private String smallPack() {
    return PolarWebhooks.packPaid(order(), workspace, "prod_pack_small", 500);
  }

  private static String order() {
    return UUID.randomUUID().toString();
  }
}
