package io.promptlens.app.system;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one query every housekeeping job runs: delete a table's rows whose timestamp is older than a
 * cut-off, the cut-off taken from the application clock in UTC (as the rows were written).
 */
@Component
public class OldRows {

  private final JdbcClient jdbc;
  private final Clock clock;

  OldRows(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The instant {@code age} ago, in UTC. */
  public OffsetDateTime ago(Duration age) {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(age);
  }

  /**
   * Deletes the rows of {@code table} whose {@code column} is before {@code before}. Both names are
   * the caller's constants, never input: they are written into the statement.
   *
   * @return rows deleted
   */
  public int deleteBefore(String table, String column, OffsetDateTime before) {
    return jdbc.sql("DELETE FROM " + table + " WHERE " + column + " < :before")
        .param("before", before)
        .update();
  }
}
