package io.promptlens.app.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Polar webhook deliveries as Polar sends them: the Standard Webhooks headers ({@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>}) and event bodies ({@code {"type", "timestamp", "data"}}) whose {@code data}
 * reproduces the Order, Subscription and Refund schemas of Polar's API reference (the fields the
 * app reads, plus the usual neighbours so that unknown fields are proven harmless).
 */
public final class PolarWebhooks {

  /** The key Polar's own SDKs use: the UTF-8 bytes of the whole secret. */
  public static final byte[] SDK_KEY = PolarStub.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8);

  /** The key the Standard Webhooks spec uses: the base64 after {@code whsec_}, decoded. */
  public static final byte[] SPEC_KEY =
      Base64.getDecoder().decode(PolarStub.WEBHOOK_SECRET.substring("whsec_".length()));

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;

  public PolarWebhooks(int port) {
    this.port = port;
  }

  /** A signed delivery: fresh id, now, signed with Polar's SDK key. */
  public ApiClient.Response send(String body) {
    return send("msg_" + UUID.randomUUID(), Instant.now(), body, SDK_KEY);
  }

  public ApiClient.Response send(String id, Instant timestamp, String body, byte[] key) {
    String ts = Long.toString(timestamp.getEpochSecond());
    return deliver(id, ts, body, "v1," + sign(key, id, ts, body));
  }

  /** Exactly these headers and body, for tampering. */
  public ApiClient.Response deliver(String id, String timestamp, String body, String signature) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/api/v1/billing/polar/webhook"))
                  .header("Content-Type", "application/json")
                  .header("webhook-id", id)
                  .header("webhook-timestamp", timestamp)
                  .header("webhook-signature", signature)
                  .timeout(Duration.ofSeconds(30))
                  .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new ApiClient.Response(response);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String sign(byte[] key, String id, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(
              mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code order.paid} for a one-time product (a credit pack): billing_reason purchase. */
  public static String packPaid(String orderId, String workspace, String productId, long cents) {
    return event(
        "order.paid", order(orderId, workspace, productId, "purchase", cents, 0, null, null));
  }

  /** {@code order.paid} for a subscription's first or next period. */
  public static String subscriptionPaid(
      String orderId,
      String workspace,
      String productId,
      String billingReason,
      String subscriptionId,
      String periodStart,
      String periodEnd) {
    String subscription =
        "{\"id\": \""
            + subscriptionId
            + "\", \"status\": \"active\", \"current_period_start\": \""
            + periodStart
            + "\", \"current_period_end\": \""
            + periodEnd
            + "\", \"cancel_at_period_end\": false, \"recurring_interval\": \"month\"}";
    return event(
        "order.paid",
        order(orderId, workspace, productId, billingReason, 1200, 0, subscriptionId, subscription));
  }

  /** {@code order.refunded}: the Order with its cumulative {@code refunded_amount}. */
  public static String orderRefunded(
      String orderId, String workspace, String productId, long cents, long refunded) {
    return event(
        "order.refunded",
        order(orderId, workspace, productId, "purchase", cents, refunded, null, null)
            .replace(
                "\"status\": \"paid\"",
                "\"status\": \"" + (refunded >= cents ? "refunded" : "partially_refunded") + "\""));
  }

  /** {@code refund.created}: a Refund of {@code cents} of the order. */
  public static String refundCreated(String refundId, String orderId, long cents) {
    return event(
        "refund.created",
        "{\"id\": \""
            + refundId
            + "\", \"created_at\": \"2026-12-05T10:00:00Z\", \"modified_at\": null, \"status\":"
            + " \"succeeded\", \"reason\": \"customer_request\", \"amount\": "
            + cents
            + ", \"tax_amount\": 0, \"currency\": \"usd\", \"organization_id\": \""
            + UUID.randomUUID()
            + "\", \"order_id\": \""
            + orderId
            + "\", \"subscription_id\": null, \"customer_id\": \""
            + UUID.randomUUID()
            + "\", \"revoke_benefits\": false, \"dispute\": null, \"metadata\": {}}");
  }

  /** A {@code subscription.*} event carrying the Subscription as it is after the change. */
  public static String subscription(
      String type,
      String subscriptionId,
      String workspace,
      String productId,
      String status,
      boolean cancelAtPeriodEnd,
      String modifiedAt,
      Integer seats) {
    return event(
        type,
        "{\"id\": \""
            + subscriptionId
            + "\", \"created_at\": \"2026-12-01T09:00:00Z\", \"modified_at\": \""
            + modifiedAt
            + "\", \"amount\": 1200, \"currency\": \"usd\", \"recurring_interval\": \"month\","
            + " \"status\": \""
            + status
            + "\", \"current_period_start\": \"2026-12-01T09:00:00Z\", \"current_period_end\":"
            + " \"2027-01-01T09:00:00Z\", \"cancel_at_period_end\": "
            + cancelAtPeriodEnd
            + ", \"canceled_at\": null, \"started_at\": \"2026-12-01T09:00:00Z\", \"ends_at\":"
            + " null, \"ended_at\": null, \"customer_id\": \"cus_"
            + workspace.substring(0, 8)
            + "\", \"product_id\": \""
            + productId
            + "\", \"seats\": "
            + seats
            + ", \"metadata\": {}, \"customer\": {\"id\": \"cus_"
            + workspace.substring(0, 8)
            + "\", \"external_id\": \""
            + workspace
            + "\", \"email\": \"buyer@example.com\"}, \"product\": {\"id\": \""
            + productId
            + "\", \"name\": \"Plan\"}}");
  }

  public static String event(String type, String data) {
    return "{\"type\": \""
        + type
        + "\", \"timestamp\": \""
        + Instant.now()
        + "\", \"data\": "
        + data
        + "}";
  }

  private static String order(
      String orderId,
      String workspace,
      String productId,
      String billingReason,
      long cents,
      long refunded,
      String subscriptionId,
      String subscription) {
    return "{\"id\": \""
        + orderId
        + "\", \"created_at\": \"2026-12-05T10:00:00Z\", \"modified_at\": null, \"status\":"
        + " \"paid\", \"paid\": true, \"subtotal_amount\": "
        + cents
        + ", \"discount_amount\": 0, \"net_amount\": "
        + cents
        + ", \"tax_amount\": 0, \"total_amount\": "
        + cents
        + ", \"refunded_amount\": "
        + refunded
        + ", \"refunded_tax_amount\": 0, \"currency\": \"usd\", \"billing_reason\": \""
        + billingReason
        + "\", \"billing_name\": null, \"billing_address\": null, \"invoice_number\":"
        + " \"PL-0001\", \"is_invoice_generated\": false, \"customer_id\": \"cus_"
        + workspace.substring(0, 8)
        + "\", \"product_id\": \""
        + productId
        + "\", \"discount_id\": null, \"subscription_id\": "
        + (subscriptionId == null ? "null" : "\"" + subscriptionId + "\"")
        + ", \"checkout_id\": \"chk_1\", \"metadata\": {\"workspace_id\": \""
        + workspace
        + "\"}, \"customer\": {\"id\": \"cus_"
        + workspace.substring(0, 8)
        + "\", \"external_id\": \""
        + workspace
        + "\", \"email\": \"buyer@example.com\", \"name\": \"Buyer\"}, \"product\": {\"id\": \""
        + productId
        + "\", \"name\": \"Product\", \"is_recurring\": "
        + (subscription != null)
        + "}, \"discount\": null, \"subscription\": "
        + (subscription == null ? "null" : subscription)
        + ", \"items\": [{\"label\": \"Product\", \"amount\": "
        + cents
        + ", \"tax_amount\": 0, \"proration\": false, \"product_price_id\": \"price_1\"}]}";
  }
}
