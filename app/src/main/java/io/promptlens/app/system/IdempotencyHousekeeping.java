package io.promptlens.app.system;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes idempotency records past their 24 hours, hourly. */
@Component
public class IdempotencyHousekeeping {

  private final JdbcClient jdbc;
  private final Clock clock;

  IdempotencyHousekeeping(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @return rows deleted
   */
  @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
  public int prune() {
    return jdbc.sql("DELETE FROM idempotency_records WHERE created_at < :before")
        .param(
            "before",
            OffsetDateTime.now(clock)
                .withOffsetSameInstant(ZoneOffset.UTC)
                .minus(IdempotencyFilter.KEPT))
        .update();
  }
}
