package io.promptlens.app.workspaces;

import io.promptlens.app.system.OldRows;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 10 minutes: deletes API rate windows older than 5 minutes (only the current one counts) and
 * anonymous per-day windows older than two days.
 */
@Component
public class RateWindowHousekeeping {

  private final OldRows rows;

  RateWindowHousekeeping(OldRows rows) {
    this.rows = rows;
  }

  /**
   * @return rows deleted
   */
  @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT10M")
  public int prune() {
    OffsetDateTime before = rows.ago(Duration.ofMinutes(5));
    return rows.deleteBefore("api_rate_windows", "window_start", before)
        + rows.deleteBefore("anonymous_rate_windows", "window_start", before)
        + rows.deleteBefore(
            "anonymous_daily_windows", "window_start", before.minus(Duration.ofDays(2)));
  }
}
