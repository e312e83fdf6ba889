package io.promptlens.app.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The retention periods of the policy, applied hourly (every job is a DELETE or an erasure, safe on
 * several instances): connection logs after their period, anonymous "try it" analyses and
 * generations after theirs, erasures whose grace period is over, the tombstones of accounts erased
 * more than three years ago once nothing points at them, and expired export links, email-change
 * links and remember-me tokens. {@link #runAt} takes the time, so tests move the clock.
 */
@Component
public class PrivacyRetention {

  /** What one run removed. */
  public record Removed(
      int connectionLogs,
      int anonymousGenerations,
      int anonymousAnalyses,
      int erasures,
      int tombstones,
      int expiredLinks) {}

  private final JdbcClient jdbc;
  private final Erasure erasure;
  private final PrivacyProperties properties;
  private final Clock clock;
  private final Duration rememberMeValidity;

  PrivacyRetention(
      JdbcClient jdbc,
      Erasure erasure,
      PrivacyProperties properties,
      Clock clock,
      @Value("${promptlens.accounts.remember-me:30d}") Duration rememberMeValidity) {
    this.rememberMeValidity = rememberMeValidity;
    this.jdbc = jdbc;
    this.erasure = erasure;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
  public Removed run() {
    return runAt(clock.instant());
  }

  public Removed runAt(Instant now) {
    int logs =
        jdbc.sql("DELETE FROM connection_logs WHERE occurred_at < :before")
            .param("before", ConnectionLog.at(now.minus(properties.connectionLogRetention())))
            .update();
    var anonymousBefore = ConnectionLog.at(now.minus(properties.anonymousRetention()));
    int generations =
        jdbc.sql(
                """
                DELETE FROM generations WHERE workspace_id IS NULL AND created_at < :before
                  AND NOT EXISTS (SELECT 1 FROM library_items i WHERE i.generation_id = generations.id)
                """)
            .param("before", anonymousBefore)
            .update();
    int analyses =
        jdbc.sql(
                """
                DELETE FROM analyses WHERE workspace_id IS NULL AND created_at < :before
                  AND NOT EXISTS (SELECT 1 FROM generations g WHERE g.analysis_id = analyses.id)
                  AND NOT EXISTS (SELECT 1 FROM style_presets p WHERE p.analysis_id = analyses.id)
                """)
            .param("before", anonymousBefore)
            .update();
    int erasures = erasure.eraseDue(now);
    int tombstones =
        jdbc.sql("DELETE FROM users WHERE closed_at < :before" + unreferenced())
            .param("before", ConnectionLog.at(now.minus(properties.closedAccountRetention())))
            .update();
    var at = ConnectionLog.at(now);
    int links =
        jdbc.sql("DELETE FROM export_downloads WHERE expires_at < :now").param("now", at).update()
            + jdbc.sql("DELETE FROM email_changes WHERE expires_at < :now")
                .param("now", at)
                .update();
    int rememberMe =
        jdbc.sql("DELETE FROM persistent_logins WHERE last_used < :before")
            .param("before", Timestamp.from(now.minus(rememberMeValidity)))
            .update();
    return new Removed(logs, generations, analyses, erasures, tombstones, links + rememberMe);
  }

  /**
   * "Nothing points at it": one NOT EXISTS per column that {@link PersonalData} re-points at
   * tombstones, so a table registered later (a ledger) keeps its tombstones too.
   */
  private static String unreferenced() {
    StringBuilder sql = new StringBuilder();
    for (PersonalData.Table table : PersonalData.TABLES) {
      for (String column : table.reassign()) {
        sql.append(" AND NOT EXISTS (SELECT 1 FROM ")
            .append(table.name())
            .append(" r WHERE r.")
            .append(column)
            .append(" = users.id)");
      }
    }
    return sql.toString();
  }
}
