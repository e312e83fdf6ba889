package io.promptlens.app.system;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Request counters in fixed windows (one minute unless told otherwise; the anonymous "try it" limit
 * also counts whole UTC days), one row per caller and window in a table of the form {@code (<key
 * column>, window_start, requests)}, so every instance counts against the same limit. Rows of past
 * windows are deleted by housekeeping.
 *
 * <p>Each instance tallies in memory and exchanges with the table at the first request of a
 * caller's window and then at most every {@link #SHARE_EVERY}: it adds what it counted since and
 * reads the total of all instances. Writing the shared row at every request made it the hot spot of
 * the whole app (every anonymous request from one address, every request of one key, queued on one
 * row lock and one commit). The price: across N instances a caller can pass the limit by what the
 * other instances admitted in their last second; within one instance the count is exact.
 */
public final class MinuteWindows {

  /** How stale another instance's counts may be. */
  public static final Duration SHARE_EVERY = Duration.ofSeconds(1);

  private final JdbcClient jdbc;
  private final long windowSeconds;
  private final String update;
  private final String insert;
  private final String select;
  private final ConcurrentHashMap<Slot, Tally> tallies = new ConcurrentHashMap<>();
  private volatile Instant currentWindow = Instant.MIN;

  private record Slot(Object key, Instant windowStart) {}

  /** One caller's window on this instance; guarded by its own monitor. */
  private static final class Tally {
    long shared; // the table's total at the last exchange, ours included
    long pending; // counted here since, not yet in the table
    @Nullable Instant exchangedAt; // null until the first exchange
  }

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
            + " SET requests = requests + :n"
            + " WHERE "
            + keyColumn
            + " = :key AND window_start = :start";
    this.insert =
        "INSERT INTO "
            + table
            + " ("
            + keyColumn
            + ", window_start, requests)"
            + " VALUES (:key, :start, :n)";
    this.select =
        "SELECT requests FROM "
            + table
            + " WHERE "
            + keyColumn
            + " = :key AND window_start = :start";
  }

  /** Counts one request of {@code key} in the window of {@code now}; the count so far. */
  public int count(Object key, Instant now) {
    Instant window = windowStart(now);
    forgetWindowsBefore(window);
    Tally tally = tallies.computeIfAbsent(new Slot(key, window), slot -> new Tally());
    synchronized (tally) {
      tally.pending++;
      if (tally.exchangedAt == null || !now.isBefore(tally.exchangedAt.plus(SHARE_EVERY))) {
        exchange(key, window, tally, now);
      }
      return (int) Math.min(Integer.MAX_VALUE, tally.shared + tally.pending);
    }
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

  /** Adds this instance's pending count to the row and reads the total of all instances. */
  private void exchange(Object key, Instant window, Tally tally, Instant now) {
    OffsetDateTime start = OffsetDateTime.ofInstant(window, ZoneOffset.UTC);
    long n = tally.pending;
    if (add(key, start, n) == 0) {
      try {
        jdbc.sql(insert).param("key", key).param("start", start).param("n", n).update();
      } catch (DuplicateKeyException raced) {
        add(key, start, n);
      }
    }
    tally.pending = 0;
    tally.shared =
        jdbc.sql(select).param("key", key).param("start", start).query(Long.class).single();
    tally.exchangedAt = now;
  }

  private int add(Object key, OffsetDateTime start, long n) {
    return jdbc.sql(update).param("key", key).param("start", start).param("n", n).update();
  }

  /** Only the current window counts; the tallies of past ones are dropped once a new one opens. */
  private void forgetWindowsBefore(Instant window) {
    if (window.isAfter(currentWindow)) {
      currentWindow = window;
      tallies.keySet().removeIf(slot -> slot.windowStart().isBefore(window));
    }
  }
}
