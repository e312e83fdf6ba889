package io.promptlens.app.billing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's plan as stored: which plan, the subscription's status and seats, the current
 * billing cycle, and the Polar ids and modification time of the last subscription state applied.
 */
record WorkspacePlan(
    UUID workspaceId,
    String plan,
    String status,
    @Nullable Integer seats,
    Instant cycleStart,
    Instant cycleEnd,
    boolean cancelAtPeriodEnd,
    @Nullable String polarCustomerId,
    @Nullable String polarSubscriptionId,
    @Nullable Instant sourceModifiedAt) {

  static final String FREE = "free";

  boolean free() {
    return FREE.equals(plan);
  }
}
