package io.promptlens.app.billing;

import java.time.Instant;

/**
 * What a workspace may do now, derived from its active plan (the policy's "licence fulfilment").
 *
 * @param plan the plan id ({@code free}, {@code pro}, {@code team})
 * @param status the subscription's status ({@code active} for free workspaces)
 */
public record Entitlements(
    String plan,
    String planName,
    String status,
    long monthlyCredits,
    int seats,
    boolean providerAccess,
    boolean thumbnails,
    boolean apiKeys,
    int batchSize,
    Instant cycleStart,
    Instant cycleEnd,
    boolean cancelAtPeriodEnd) {}
