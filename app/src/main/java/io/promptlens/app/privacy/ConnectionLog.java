package io.promptlens.app.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code connection_logs} table: one row per security event of a person (sign-in, sign-out, key
 * use, role change, export, erasure ...), with the client's address and browser family. Kept {@code
 * promptlens.privacy.connection-log-retention}, then deleted by {@link PrivacyRetention}.
 */
@Repository
class ConnectionLog {

  /** What a person sees of their log on the account page and in the export. */
  record Entry(
      Instant occurredAt,
      String action,
      @Nullable String ipAddress,
      @Nullable String browser,
      @Nullable String detail) {}

  /** An API key's use is logged at most this often, so a busy key does not flood the log. */
  static final Duration KEY_USE_INTERVAL = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final ClientInfo clients;
  private final Clock clock;

  ConnectionLog(JdbcClient jdbc, ClientInfo clients, Clock clock) {
    this.jdbc = jdbc;
    this.clients = clients;
    this.clock = clock;
  }

  /** Records an event of the current request's client. */
  void record(@Nullable UUID userId, String action, @Nullable String detail) {
    insert(userId, action, null, detail, clients.current());
  }

  /**
   * Records an event that someone else caused (a manager changed this person's role): the client is
   * the other person's, so their address and browser are not written into this person's log.
   */
  void recordCausedByAnother(UUID userId, String action, @Nullable String detail) {
    insert(userId, action, null, detail, ClientInfo.Client.NONE);
  }

  /** Records a key's use unless it was recorded less than a minute ago. */
  void recordKeyUse(UUID userId, UUID keyId) {
    Instant since = now().minus(KEY_USE_INTERVAL);
    long recent =
        jdbc.sql(
                "SELECT COUNT(*) FROM connection_logs WHERE api_key_id = :key"
                    + " AND action = 'api-key-used' AND occurred_at > :since")
            .param("key", keyId)
            .param("since", at(since))
            .query(Long.class)
            .single();
    if (recent == 0) {
      insert(userId, "api-key-used", keyId, null, clients.current());
    }
  }

  List<Entry> of(UUID userId, int limit) {
    return jdbc
        .sql(
            """
            SELECT occurred_at, action, ip_address, browser, detail FROM connection_logs
            WHERE user_id = :user ORDER BY occurred_at DESC, id
            """)
        .param("user", userId)
        .query(
            (row, n) ->
                new Entry(
                    row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    row.getString("action"),
                    row.getString("ip_address"),
                    row.getString("browser"),
                    row.getString("detail")))
        .list()
        .stream()
        .limit(limit)
        .toList();
  }

  private void insert(
      @Nullable UUID userId,
      String action,
      @Nullable UUID keyId,
      @Nullable String detail,
      ClientInfo.Client client) {
    jdbc.sql(
            """
            INSERT INTO connection_logs
                (id, user_id, action, ip_address, browser, api_key_id, detail, occurred_at)
            VALUES (:id, :user, :action, :ip, :browser, :key, :detail, :at)
            """)
        .param("id", UUID.randomUUID())
        .param("user", userId)
        .param("action", action)
        .param("ip", cut(client.address(), 45))
        .param("browser", client.browser())
        .param("key", keyId)
        .param("detail", cut(detail, 200))
        .param("at", at(now()))
        .update();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static @Nullable String cut(@Nullable String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
