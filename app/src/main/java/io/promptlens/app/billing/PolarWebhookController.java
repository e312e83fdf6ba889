package io.promptlens.app.billing;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/billing/polar/webhook}: Polar's events, with no session and no CSRF token.
 * The signature is checked before anything else is read (403, nothing stored, when it fails or when
 * no secret is configured); an authentic event is processed once in one short transaction and
 * acknowledged with 202, a replay is acknowledged without being processed again.
 */
@RestController
class PolarWebhookController {

  private static final Logger log = LoggerFactory.getLogger(PolarWebhookController.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PolarEvents events;
  private final @Nullable WebhookSignature signature;
  private final Clock clock;

  PolarWebhookController(PolarEvents events, BillingProperties properties, Clock clock) {
    this.events = events;
    String secret = properties.polar().webhookSecret();
    this.signature = secret.isBlank() ? null : new WebhookSignature(secret);
    this.clock = clock;
  }

  /** 202 when accepted (documented so: the answer is a {@code ResponseEntity}). */
  @PostMapping("/api/v1/billing/polar/webhook")
  @ResponseStatus(HttpStatus.ACCEPTED)
  ResponseEntity<?> receive(
      @RequestHeader(name = "webhook-id", required = false) @Nullable String id,
      @RequestHeader(name = "webhook-timestamp", required = false) @Nullable String timestamp,
      @RequestHeader(name = "webhook-signature", required = false) @Nullable String signatures,
      @RequestBody(required = false) byte @Nullable [] body) {
    byte[] bytes = body == null ? new byte[0] : body;
    String refusal =
        signature == null
            ? "no webhook secret is configured"
            : signature.refusal(id, timestamp, signatures, bytes, clock.instant());
    // refusal() already refuses a delivery without an id; the second test says so to NullAway.
    if (refusal != null || id == null) {
      log.warn("Refused a Polar webhook: {}", refusal);
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.FORBIDDEN, "The webhook signature could not be verified."));
    }
    JsonNode event;
    try {
      event = JSON.readTree(bytes);
    } catch (RuntimeException e) {
      event = null;
    }
    if (event == null || !event.isObject() || !event.path("type").isString()) {
      return ResponseEntity.badRequest()
          .body(
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.BAD_REQUEST, "The event is not a JSON object with a type."));
    }
    try {
      events.handle(id, event.get("type").asString(), event.path("data"));
    } catch (DuplicateKeyException replayedMeanwhile) {
      // the same delivery processed by a concurrent request: acknowledged once is enough
    }
    return ResponseEntity.accepted().build();
  }
}
