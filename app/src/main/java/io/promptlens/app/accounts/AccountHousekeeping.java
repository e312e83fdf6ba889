package io.promptlens.app.accounts;

import io.promptlens.app.system.OldRows;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hourly: deletes sign-in attempts older than a day (throttling looks back {@code sign-in-window})
 * and mail-link tokens a day after they expired. Personal data is not kept longer than it serves.
 */
@Component
public class AccountHousekeeping {

  static final Duration KEEP = Duration.ofDays(1);

  private final OldRows rows;

  AccountHousekeeping(OldRows rows) {
    this.rows = rows;
  }

  /**
   * @return rows deleted
   */
  @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
  public int prune() {
    OffsetDateTime before = rows.ago(KEEP);
    return rows.deleteBefore("sign_in_attempts", "attempted_at", before)
        + rows.deleteBefore("account_tokens", "expires_at", before);
  }
}
