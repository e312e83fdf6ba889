package io.promptlens.app.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rights exercised by mail, for the operators: each request with its one-month deadline (Art. 12(3)
 * GDPR) and status. A request is linked to the account of its email when there is one.
 */
@Repository
class PrivacyRequests {

  static final Set<String> KINDS =
      Set.of("access", "rectification", "erasure", "restriction", "objection", "portability");
  static final Set<String> STATUSES = Set.of("open", "done", "refused");

  record Request(
      UUID id,
      @Nullable String requesterEmail,
      String kind,
      String status,
      @Nullable String note,
      Instant receivedAt,
      Instant dueAt,
      boolean overdue) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  PrivacyRequests(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Open requests first, by deadline; then the closed ones, newest first. */
  List<Request> all() {
    Instant now = clock.instant();
    return jdbc.sql(
            """
            SELECT id, requester_email, kind, status, note, received_at, due_at FROM privacy_requests
            ORDER BY CASE status WHEN 'open' THEN 0 ELSE 1 END, due_at, id
            """)
        .query(
            (row, n) -> {
              Instant due = row.getObject("due_at", OffsetDateTime.class).toInstant();
              String status = row.getString("status");
              return new Request(
                  row.getObject("id", UUID.class),
                  row.getString("requester_email"),
                  row.getString("kind"),
                  status,
                  row.getString("note"),
                  row.getObject("received_at", OffsetDateTime.class).toInstant(),
                  due,
                  "open".equals(status) && due.isBefore(now));
            })
        .list();
  }

  UUID record(String email, String kind, @Nullable String note) {
    String normalised = email.strip().toLowerCase(Locale.ROOT);
    if (normalised.isEmpty() || normalised.length() > 320 || !normalised.contains("@")) {
      throw PrivacyProblem.of(HttpStatus.BAD_REQUEST, "Enter the requester's email.");
    }
    if (!KINDS.contains(kind)) {
      throw PrivacyProblem.of(HttpStatus.BAD_REQUEST, "Unknown kind of request '" + kind + "'.");
    }
    if (note != null && note.length() > 1000) {
      throw PrivacyProblem.of(HttpStatus.BAD_REQUEST, "Notes are at most 1,000 characters.");
    }
    UUID id = UUID.randomUUID();
    Instant received = clock.instant().truncatedTo(ChronoUnit.MICROS);
    jdbc.sql(
            """
            INSERT INTO privacy_requests (id, requester_email, user_id, kind, status, note,
                received_at, due_at)
            VALUES (:id, :email, (SELECT id FROM users WHERE email = :email), :kind, 'open', :note,
                :received, :due)
            """)
        .param("id", id)
        .param("email", normalised)
        .param("kind", kind)
        .param("note", note == null || note.isBlank() ? null : note.strip())
        .param("received", ConnectionLog.at(received))
        .param("due", ConnectionLog.at(dueFor(received)))
        .update();
    return id;
  }

  /** One month after receipt, as the policy promises. */
  static Instant dueFor(Instant received) {
    return received.atOffset(java.time.ZoneOffset.UTC).plusMonths(1).toInstant();
  }

  boolean setStatus(UUID id, String status) {
    if (!STATUSES.contains(status)) {
      throw PrivacyProblem.of(HttpStatus.BAD_REQUEST, "Unknown status '" + status + "'.");
    }
    return jdbc.sql(
                "UPDATE privacy_requests SET status = :status, closed_at = :closed WHERE id = :id")
            .param("status", status)
            .param(
                "closed",
                "open".equals(status)
                    ? null
                    : ConnectionLog.at(clock.instant().truncatedTo(ChronoUnit.MICROS)))
            .param("id", id)
            .update()
        > 0;
  }
}
