package io.promptlens.app.billing;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Every minute: releases reservations that outlived their lifetime, which only a crash (or a
 * request stalled far past every timeout) leaves behind. Safe on several instances at once: each
 * reservation is closed by a conditional update under its workspace's balance lock.
 */
@Component
record BillingHousekeeping(CreditLedger ledger, TransactionOperations transactions) {

  private static final Logger log = LoggerFactory.getLogger(BillingHousekeeping.class);

  /**
   * @return reservations released
   */
  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
  int releaseExpiredReservations() {
    int released = 0;
    for (Object[] row : ledger.expiredReservations(ledger.now())) {
      UUID id = (UUID) row[0];
      UUID workspace = (UUID) row[1];
      long amount = (Long) row[2];
      Boolean done =
          transactions.execute(
              status -> {
                ledger.lock(workspace);
                if (ledger.close(id, "expired")) {
                  ledger.moveReserved(workspace, -amount);
                  return true;
                }
                return false;
              });
      if (Boolean.TRUE.equals(done)) {
        released++;
      }
    }
    if (released > 0) {
      log.info("Released {} expired credit reservations", released);
    }
    return released;
  }
}
