package io.promptlens.app.privacy;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restriction and objection, each change logged. {@link #mayMailProductNews} is the gate every
 * product mail (newsletters, tips; not account mail such as verification or erasure notices) must
 * pass; there is no product mail yet, so nothing calls it but its test.
 */
@Service
class Choices {

  private final PrivacyAccounts accounts;
  private final ConnectionLog connectionLog;

  Choices(PrivacyAccounts accounts, ConnectionLog connectionLog) {
    this.accounts = accounts;
    this.connectionLog = connectionLog;
  }

  @Transactional
  void restrict(UUID userId, boolean restricted) {
    if (accounts.setRestricted(userId, restricted)) {
      connectionLog.record(userId, restricted ? "restriction-set" : "restriction-lifted", null);
    }
  }

  @Transactional
  void object(UUID userId, boolean productEmails, boolean usageAnalytics) {
    accounts.setObjections(userId, productEmails, usageAnalytics);
    connectionLog.record(
        userId,
        "objections-changed",
        "product emails "
            + (productEmails ? "refused" : "accepted")
            + ", usage analytics "
            + (usageAnalytics ? "refused" : "accepted"));
  }

  boolean mayMailProductNews(UUID userId) {
    return accounts
        .find(userId)
        .map(
            state -> !state.restricted() && !state.productEmailOptOut() && state.closedAt() == null)
        .orElse(false);
  }
}
