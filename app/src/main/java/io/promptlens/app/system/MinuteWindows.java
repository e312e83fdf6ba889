package io.promptlens.app.system;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Request counters in fixed windows (one minute unless told otherwise; the anonymous "try it" limit
 * also counts whole UTC days), one row per caller and window in a table of the form {@code (<key
 * column>, window_start, requests)}, so every instance counts against the same limit. Rows of past
 * windows are deleted by housekeeping.
 */
public final class MinuteWindows {

  private final JdbcClient jdbc;
  private final long windowSeconds;
  private final String update;
  private final String insert;
  private final String select;

  /**
   * @param table and {@code keyColumn} are constants of the caller, never user input
   */
  public MinuteWindows(JdbcClient jdbc, String table, String keyColumn) {
    this(jdbc, table, keyColumn, Duration.ofMinutes(1));
  }

  /**
   * @param window the window's length, a whole number of seconds that divides a day (windows start
   *     at multiples of it since the epoch, so a one-day window is a UTC day)
   */
  public MinuteWindows(JdbcClient jdbc, String table, String keyColumn, Duration window) {
    this.jdbc = jdbc;
    this.windowSeconds = window.toSeconds();
    this.update =
        "UPDATE "
            + table
            + " SET requests = requests + 1"
            + " WHERE "
            + keyColumn
            + " = :key AND window_start = :start";
    this.insert =
        "INSERT INTO "
            + table
            + " ("
            + keyColumn
            + ", window_start, requests)"
            + " VALUES (:key, :start, 1)";
    this.select =
        "SELECT requests FROM "
            + table
            + " WHERE "
            + keyColumn
            + " = :key AND window_start = :start";
  }

  /** Counts one request of {@code key} in the window of {@code now}; the count so far. */
  public int count(Object key, Instant now) {
    OffsetDateTime start = OffsetDateTime.ofInstant(windowStart(now), ZoneOffset.UTC);
    if (increment(key, start) == 0) {
      try {
        jdbc.sql(insert).param("key", key).param("start", start).update();
      } catch (DuplicateKeyException raced) {
        increment(key, start);
      }
    }
    return jdbc.sql(select).param("key", key).param("start", start).query(Integer.class).single();
  }

  /** How long until the next window opens, at least one second (for {@code Retry-After}). */
  public static Duration untilNextWindow(Instant now) {
    Instant next = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    return Duration.between(now, next).plusSeconds(1);
  }

  /** How long until this counter's next window opens, at least one second. */
  public Duration untilNext(Instant now) {
    Instant next = windowStart(now).plusSeconds(windowSeconds);
    return Duration.between(now, next).plusSeconds(1);
  }

  private Instant windowStart(Instant now) {
    return Instant.ofEpochSecond(
        Math.floorDiv(now.getEpochSecond(), windowSeconds) * windowSeconds);
  }

  private int increment(Object key, OffsetDateTime start) {
    return jdbc.sql(update).param("key", key).param("start", start).update();
  }
}
