package io.promptlens.app.system;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes idempotency records past their 24 hours, hourly. */
@Component
public class IdempotencyHousekeeping {

  private final OldRows rows;

  IdempotencyHousekeeping(OldRows rows) {
    this.rows = rows;
  }

  /**
   * @return rows deleted
   */
  @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
  public int prune() {
    return rows.deleteBefore("idempotency_records", "created_at", rows.ago(IdempotencyFilter.KEPT));
  }
}
