package io.promptlens.app.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The privacy columns of {@code users}: a person's restriction, objections and pending erasure,
 * read fresh from the database at each request (the principal in a session may be hours old).
 */
@Repository
class PrivacyAccounts {

  /** One person's privacy state. */
  record State(
      UUID id,
      String email,
      String firstName,
      String lastName,
      @Nullable Instant restrictedAt,
      boolean productEmailOptOut,
      boolean analyticsOptOut,
      @Nullable Instant erasureDueAt,
      @Nullable Instant closedAt) {

    public boolean restricted() {
      return restrictedAt != null;
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  PrivacyAccounts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Optional<State> find(UUID userId) {
    return jdbc.sql(
            """
            SELECT id, email, first_name, last_name, restricted_at, product_email_opt_out,
                analytics_opt_out, erasure_due_at, closed_at
            FROM users WHERE id = :id
            """)
        .param("id", userId)
        .query(
            (row, n) ->
                new State(
                    row.getObject("id", UUID.class),
                    row.getString("email"),
                    row.getString("first_name"),
                    row.getString("last_name"),
                    instant(row.getObject("restricted_at", OffsetDateTime.class)),
                    row.getBoolean("product_email_opt_out"),
                    row.getBoolean("analytics_opt_out"),
                    instant(row.getObject("erasure_due_at", OffsetDateTime.class)),
                    instant(row.getObject("closed_at", OffsetDateTime.class))))
        .optional();
  }

  boolean isRestricted(UUID userId) {
    return jdbc.sql("SELECT COUNT(*) FROM users WHERE id = :id AND restricted_at IS NOT NULL")
            .param("id", userId)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * @return whether the state changed
   */
  boolean setRestricted(UUID userId, boolean restricted) {
    return (restricted
                ? jdbc.sql(
                        "UPDATE users SET restricted_at = :now WHERE id = :id AND restricted_at IS NULL")
                    .param("now", ConnectionLog.at(now()))
                : jdbc.sql(
                    "UPDATE users SET restricted_at = NULL WHERE id = :id AND restricted_at IS NOT NULL"))
            .param("id", userId)
            .update()
        > 0;
  }

  void setObjections(UUID userId, boolean productEmailOptOut, boolean analyticsOptOut) {
    jdbc.sql(
            "UPDATE users SET product_email_opt_out = :mail, analytics_opt_out = :analytics"
                + " WHERE id = :id")
        .param("mail", productEmailOptOut)
        .param("analytics", analyticsOptOut)
        .param("id", userId)
        .update();
  }

  void setNames(UUID userId, String firstName, String lastName) {
    jdbc.sql("UPDATE users SET first_name = :first, last_name = :last WHERE id = :id")
        .param("first", firstName)
        .param("last", lastName)
        .param("id", userId)
        .update();
  }

  void scheduleErasure(UUID userId, Instant due) {
    jdbc.sql("UPDATE users SET erasure_due_at = :due WHERE id = :id")
        .param("due", ConnectionLog.at(due))
        .param("id", userId)
        .update();
  }

  /**
   * @return whether an erasure was pending
   */
  boolean cancelErasure(UUID userId) {
    return jdbc.sql(
                "UPDATE users SET erasure_due_at = NULL WHERE id = :id"
                    + " AND erasure_due_at IS NOT NULL AND closed_at IS NULL")
            .param("id", userId)
            .update()
        > 0;
  }

  List<UUID> erasuresDue(Instant now) {
    return jdbc.sql(
            "SELECT id FROM users WHERE erasure_due_at <= :now AND closed_at IS NULL ORDER BY id")
        .param("now", ConnectionLog.at(now))
        .query(UUID.class)
        .list();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
