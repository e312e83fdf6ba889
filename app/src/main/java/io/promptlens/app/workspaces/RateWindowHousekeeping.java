package io.promptlens.app.workspaces;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 10 minutes: deletes API rate windows older than 5 minutes (only the current one counts) and
 * anonymous per-day windows older than two days.
 */
@Component
public class RateWindowHousekeeping {

  private final JdbcClient jdbc;
  private final Clock clock;

  RateWindowHousekeeping(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @return rows deleted
   */
  @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT10M")
  public int prune() {
    OffsetDateTime before =
        OffsetDateTime.now(clock)
            .withOffsetSameInstant(ZoneOffset.UTC)
            .minus(Duration.ofMinutes(5));
    return jdbc.sql("DELETE FROM api_rate_windows WHERE window_start < :before")
            .param("before", before)
            .update()
        + jdbc.sql("DELETE FROM anonymous_rate_windows WHERE window_start < :before")
            .param("before", before)
            .update()
        + jdbc.sql("DELETE FROM anonymous_daily_windows WHERE window_start < :before")
            .param("before", before.minus(Duration.ofDays(2)))
            .update();
  }
}
