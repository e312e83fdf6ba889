package io.promptlens.app.billing;

import io.promptlens.app.billing.CreditLedger.Entry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * What Polar's events do to a workspace, each applied once. The workspace is the event's customer
 * ({@code customer.external_id}, set to the workspace id at checkout; the checkout's {@code
 * metadata.workspace_id} as a fallback). Payload shapes follow Polar's webhook documentation: the
 * {@code data} of {@code order.*} is an Order ({@code id}, {@code billing_reason}: {@code
 * purchase}, {@code subscription_create}, {@code subscription_cycle}, {@code subscription_update};
 * {@code product_id}, {@code total_amount}, {@code refunded_amount}, {@code subscription}), of
 * {@code subscription.*} a Subscription ({@code status}, {@code current_period_start|end}, {@code
 * cancel_at_period_end}, {@code seats}, {@code modified_at}), of {@code refund.*} a Refund ({@code
 * id}, {@code order_id}, {@code amount}, {@code status}).
 *
 * <ul>
 *   <li>{@code order.paid}: a pack's credits (purchase), or a plan's monthly grant (creation and
 *       renewal; the old cycle's unused grant expires first). Once per order id.
 *   <li>{@code subscription.*}: plan, status, seats and period, unless the stored state is newer
 *       ({@code modified_at}); {@code revoked} returns the workspace to the free plan.
 *   <li>{@code order.refunded}, {@code refund.created|updated}: the refunded share of what the
 *       order granted is taken back, never below zero available credits.
 *   <li>anything else: acknowledged and ignored.
 * </ul>
 */
@Service
class PolarEvents {

  private static final Logger log = LoggerFactory.getLogger(PolarEvents.class);

  private final JdbcClient jdbc;
  private final Credits credits;
  private final BillingProperties properties;

  PolarEvents(JdbcClient jdbc, Credits credits, BillingProperties properties) {
    this.jdbc = jdbc;
    this.credits = credits;
    this.properties = properties;
  }

  /** Records the delivery and applies the event, or does nothing for a delivery seen before. */
  @Transactional
  void handle(String webhookId, String type, JsonNode data) {
    boolean seen =
        jdbc.sql("SELECT COUNT(*) FROM polar_webhook_events WHERE webhook_id = :id")
                .param("id", webhookId)
                .query(Long.class)
                .single()
            > 0;
    if (seen) {
      log.info("Polar webhook {} ({}) was delivered again; already processed", webhookId, type);
      return;
    }
    jdbc.sql(
            "INSERT INTO polar_webhook_events (webhook_id, event_type, received_at)"
                + " VALUES (:id, :type, :now)")
        .param("id", webhookId)
        .param("type", type.length() > 100 ? type.substring(0, 100) : type)
        .param("now", CreditLedger.at(credits.ledger().now()))
        .update();
    switch (type) {
      case "order.paid" -> orderPaid(data);
      case "subscription.created",
          "subscription.active",
          "subscription.updated",
          "subscription.canceled",
          "subscription.uncanceled",
          "subscription.revoked",
          "subscription.past_due" ->
          subscription(type, data);
      case "order.refunded" -> orderRefunded(data);
      case "refund.created", "refund.updated" -> refund(data);
      default -> log.info("Polar event {} acknowledged and ignored", type);
    }
  }

  private void orderPaid(JsonNode order) {
    String orderId = text(order, "id");
    UUID workspace = workspaceOf(order);
    if (orderId == null || workspace == null) {
      log.warn("order.paid without an order id or a known workspace; ignored");
      return;
    }
    if (storedOrder(orderId).isPresent()) {
      return;
    }
    String reason = Optional.ofNullable(text(order, "billing_reason")).orElse("purchase");
    String productId =
        Optional.ofNullable(text(order, "product_id")).orElse(text(order.path("product"), "id"));
    long total = order.path("total_amount").asLong(0);
    credits.locked(
        workspace,
        locked -> {
          long granted = 0;
          if ("purchase".equals(reason)) {
            String pack = properties.packForProduct(productId);
            if (pack == null) {
              log.warn("order.paid {} for unknown product {}; nothing granted", orderId, productId);
            } else {
              // packForProduct answered with one of the packs' own keys.
              BillingProperties.PackTerms terms =
                  Objects.requireNonNull(properties.packs().get(pack));
              granted =
                  credits.appendLocked(
                      new Entry(
                          workspace,
                          "purchase",
                          terms.credits(),
                          null,
                          null,
                          "polar_order",
                          orderId,
                          terms.name() + " bought (Polar order " + orderId + ")",
                          "order:" + orderId),
                      false);
            }
          } else if ("subscription_create".equals(reason) || "subscription_cycle".equals(reason)) {
            granted = renewal(workspace, locked.plan(), order, orderId, productId);
          }
          saveOrder(orderId, workspace, productId, reason, granted, total);
          return granted;
        });
  }

  /** A paid subscription order: the plan's new cycle and its monthly grant. */
  private long renewal(
      UUID workspace,
      WorkspacePlan current,
      JsonNode order,
      String orderId,
      @Nullable String productId) {
    String plan = properties.planForProduct(productId);
    if (plan == null) {
      log.warn("order.paid {} for unknown plan product {}; nothing granted", orderId, productId);
      return 0;
    }
    String subscriptionId = text(order, "subscription_id");
    if ("revoked".equals(current.status())
        && subscriptionId != null
        && subscriptionId.equals(current.polarSubscriptionId())) {
      // A late delivery for a subscription that has since ended: it must not revive the plan.
      log.warn(
          "order.paid {} for revoked subscription {}; nothing granted", orderId, subscriptionId);
      return 0;
    }
    JsonNode subscription = order.path("subscription");
    Instant now = credits.ledger().now();
    Instant start = Optional.ofNullable(time(subscription, "current_period_start")).orElse(now);
    Instant end =
        Optional.ofNullable(time(subscription, "current_period_end"))
            .orElse(start.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant());
    credits.expireMonthly(workspace, current.cycleStart(), "expiry:order:" + orderId);
    credits
        .ledger()
        .savePlan(
            new WorkspacePlan(
                workspace,
                plan,
                "active",
                seats(subscription, current),
                start,
                end,
                current.cancelAtPeriodEnd(),
                Optional.ofNullable(text(order, "customer_id")).orElse(current.polarCustomerId()),
                Optional.ofNullable(subscriptionId).orElse(current.polarSubscriptionId()),
                current.sourceModifiedAt()));
    BillingProperties.PlanTerms terms = properties.plan(plan);
    if (terms.monthlyCredits() <= 0) {
      return 0;
    }
    return credits.appendLocked(
        new Entry(
            workspace,
            "grant",
            terms.monthlyCredits(),
            null,
            null,
            "polar_order",
            orderId,
            terms.name() + " plan: monthly credits (Polar order " + orderId + ")",
            "order:" + orderId),
        true);
  }

  private void subscription(String type, JsonNode subscription) {
    UUID workspace = workspaceOf(subscription);
    if (workspace == null) {
      log.warn("{} for no known workspace; ignored", type);
      return;
    }
    Instant modified =
        Optional.ofNullable(time(subscription, "modified_at"))
            .orElse(time(subscription, "created_at"));
    credits.locked(
        workspace,
        locked -> {
          WorkspacePlan current = locked.plan();
          if (modified != null
              && current.sourceModifiedAt() != null
              && modified.isBefore(current.sourceModifiedAt())) {
            log.info(
                "{} modified {} is older than the state applied ({}); ignored",
                type,
                modified,
                current.sourceModifiedAt());
            return null;
          }
          String status =
              "subscription.revoked".equals(type)
                  ? "revoked"
                  : Optional.ofNullable(text(subscription, "status")).orElse(current.status());
          Instant now = credits.ledger().now();
          if ("revoked".equals(status)) {
            // Back to the free plan from now on: the paid grant's rest expires, a free cycle
            // starts with its grant.
            credits.expireMonthly(
                workspace, current.cycleStart(), "expiry:revoked:" + text(subscription, "id"));
            WorkspacePlan free = Credits.freePlan(workspace, now, current.polarCustomerId());
            credits
                .ledger()
                .savePlan(
                    new WorkspacePlan(
                        workspace,
                        WorkspacePlan.FREE,
                        "revoked",
                        null,
                        free.cycleStart(),
                        free.cycleEnd(),
                        false,
                        current.polarCustomerId(),
                        text(subscription, "id"),
                        modified));
            credits.grantMonthly(workspace, WorkspacePlan.FREE, free.cycleStart(), null);
            return null;
          }
          String productId = text(subscription, "product_id");
          String plan =
              Optional.ofNullable(properties.planForProduct(productId)).orElse(current.plan());
          Instant start =
              Optional.ofNullable(time(subscription, "current_period_start"))
                  .orElse(current.cycleStart());
          Instant end =
              Optional.ofNullable(time(subscription, "current_period_end"))
                  .orElse(current.cycleEnd());
          credits
              .ledger()
              .savePlan(
                  new WorkspacePlan(
                      workspace,
                      plan,
                      status,
                      seats(subscription, current),
                      start,
                      end,
                      subscription.path("cancel_at_period_end").asBoolean(false),
                      Optional.ofNullable(text(subscription, "customer_id"))
                          .orElse(current.polarCustomerId()),
                      text(subscription, "id"),
                      modified));
          return null;
        });
  }

  private void orderRefunded(JsonNode order) {
    String orderId = text(order, "id");
    if (orderId == null) {
      return;
    }
    takeBack(orderId, order.path("refunded_amount").asLong(0));
  }

  private void refund(JsonNode refund) {
    String refundId = text(refund, "id");
    String orderId = text(refund, "order_id");
    String status = text(refund, "status");
    if (refundId == null || orderId == null || (status != null && !"succeeded".equals(status))) {
      return;
    }
    boolean seen =
        jdbc.sql("SELECT COUNT(*) FROM polar_refunds WHERE refund_id = :id")
                .param("id", refundId)
                .query(Long.class)
                .single()
            > 0;
    if (seen) {
      return;
    }
    jdbc.sql(
            "INSERT INTO polar_refunds (refund_id, order_id, amount, created_at)"
                + " VALUES (:id, :order, :amount, :now)")
        .param("id", refundId)
        .param("order", orderId)
        .param("amount", refund.path("amount").asLong(0))
        .param("now", CreditLedger.at(credits.ledger().now()))
        .update();
    long refunded =
        jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM polar_refunds WHERE order_id = :order")
            .param("order", orderId)
            .query(Long.class)
            .single();
    takeBack(orderId, refunded);
  }

  /**
   * Takes back the share of the order's credits that {@code refundedCents} (all refunds of the
   * order so far, however they were reported) stands for, minus what was taken back before.
   */
  private void takeBack(String orderId, long refundedCents) {
    Optional<StoredOrder> stored = storedOrder(orderId);
    if (stored.isEmpty()) {
      log.warn("Refund for an order we never saw paid ({}); ignored", orderId);
      return;
    }
    UUID workspace = stored.get().workspaceId();
    credits.locked(
        workspace,
        locked -> {
          StoredOrder order = storedOrder(orderId).orElseThrow();
          long granted = order.credits();
          long total = order.totalAmount();
          long refunded = Math.max(order.refundedAmount(), refundedCents);
          long due =
              total <= 0
                  ? (refunded > 0 ? granted : 0)
                  : Math.min(granted, granted * Math.min(refunded, total) / total);
          long before = order.creditsRefunded();
          if (due > before) {
            credits.appendLocked(
                new Entry(
                    workspace,
                    "refund",
                    -(due - before),
                    null,
                    null,
                    "polar_order",
                    orderId,
                    "Polar order " + orderId + " refunded (" + refunded + " of " + total + ")",
                    "refund:" + orderId + ":" + due),
                false);
          }
          jdbc.sql(
                  "UPDATE polar_orders SET refunded_amount = :refunded, credits_refunded = :due"
                      + " WHERE order_id = :order")
              .param("refunded", refunded)
              .param("due", Math.max(due, before))
              .param("order", orderId)
              .update();
          return null;
        });
  }

  /** A paid order as stored: what it granted, its total and what of it was refunded so far. */
  private record StoredOrder(
      UUID workspaceId,
      long credits,
      long totalAmount,
      long refundedAmount,
      long creditsRefunded) {}

  private Optional<StoredOrder> storedOrder(String orderId) {
    return jdbc.sql(
            "SELECT workspace_id, credits, total_amount, refunded_amount, credits_refunded"
                + " FROM polar_orders WHERE order_id = :order")
        .param("order", orderId)
        .query(
            (row, n) ->
                new StoredOrder(
                    row.getObject("workspace_id", UUID.class),
                    row.getLong("credits"),
                    row.getLong("total_amount"),
                    row.getLong("refunded_amount"),
                    row.getLong("credits_refunded")))
        .optional();
  }

  private void saveOrder(
      String orderId,
      UUID workspace,
      @Nullable String productId,
      String reason,
      long credits,
      long total) {
    jdbc.sql(
            """
            INSERT INTO polar_orders (order_id, workspace_id, product_id, billing_reason, credits,
                total_amount, refunded_amount, credits_refunded, created_at)
            VALUES (:order, :ws, :product, :reason, :credits, :total, 0, 0, :now)
            """)
        .param("order", orderId)
        .param("ws", workspace)
        .param("product", productId)
        .param("reason", reason.length() > 40 ? reason.substring(0, 40) : reason)
        .param("credits", credits)
        .param("total", total)
        .param("now", CreditLedger.at(this.credits.ledger().now()))
        .update();
  }

  /** The workspace the event's customer stands for, if it exists. */
  private @Nullable UUID workspaceOf(JsonNode data) {
    String external = text(data.path("customer"), "external_id");
    if (external == null) {
      external = text(data.path("metadata"), "workspace_id");
    }
    if (external == null) {
      return null;
    }
    UUID id;
    try {
      id = UUID.fromString(external.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
    boolean exists =
        jdbc.sql("SELECT COUNT(*) FROM workspaces WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single()
            > 0;
    return exists ? id : null;
  }

  private static @Nullable Integer seats(JsonNode subscription, WorkspacePlan current) {
    JsonNode seats = subscription.path("seats");
    if (seats.isIntegralNumber() && seats.asInt() > 0) {
      return seats.asInt();
    }
    return current.seats();
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() && !value.asString().isBlank() ? value.asString() : null;
  }

  private static @Nullable Instant time(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
