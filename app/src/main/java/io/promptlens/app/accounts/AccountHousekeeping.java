package io.promptlens.app.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hourly: deletes sign-in attempts older than a day (throttling looks back {@code sign-in-window})
 * and mail-link tokens a day after they expired. Personal data is not kept longer than it serves.
 */
@Component
public class AccountHousekeeping {

  static final Duration KEEP = Duration.ofDays(1);

  private final JdbcClient jdbc;
  private final Clock clock;

  AccountHousekeeping(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @return rows deleted
   */
  @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
  public int prune() {
    OffsetDateTime before =
        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(KEEP);
    return jdbc.sql("DELETE FROM sign_in_attempts WHERE attempted_at < :before")
            .param("before", before)
            .update()
        + jdbc.sql("DELETE FROM account_tokens WHERE expires_at < :before")
            .param("before", before)
            .update();
  }
}
