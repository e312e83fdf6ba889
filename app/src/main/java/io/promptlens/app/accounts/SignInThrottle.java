package io.promptlens.app.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sign-in throttling kept in the database, so every instance sees every attempt: after {@code
 * maxFailedSignIns} failures for an email within the window (and since its last success), further
 * attempts are refused until the window has passed. Known and unknown emails are treated alike.
 */
@Component
record SignInThrottle(JdbcClient jdbc, AccountProperties properties, Clock clock) {

  /** One sign-in attempt, recorded as a failure until {@link #succeeded} says otherwise. */
  record Attempt(UUID id, boolean blocked) {}

  /**
   * Records the attempt as failed first, then counts: every concurrent attempt's row is committed
   * before any of them counts, so of N parallel guesses at most {@code maxFailedSignIns} see a
   * count within the limit and reach the password check. (Counting first and recording after the
   * check let all 30 of 30 parallel guesses through.) A refused attempt counts as a failure too,
   * which keeps a hammering client locked out for the whole window.
   */
  Attempt begin(String email) {
    UUID id = UUID.randomUUID();
    String normalised = Users.normalise(email);
    jdbc.sql(
            """
            INSERT INTO sign_in_attempts (id, email, succeeded, attempted_at)
            VALUES (:id, :email, FALSE, :at)
            """)
        .param("id", id)
        .param("email", normalised)
        .param("at", at(clock.instant()))
        .update();
    OffsetDateTime since = at(clock.instant().minus(properties.signInWindow()));
    long failures =
        jdbc.sql(
                """
                SELECT COUNT(*) FROM sign_in_attempts
                WHERE email = :email AND succeeded = FALSE AND attempted_at > :since
                  AND attempted_at > COALESCE((SELECT MAX(attempted_at) FROM sign_in_attempts
                      WHERE email = :email AND succeeded = TRUE), :since)
                """)
            .param("email", normalised)
            .param("since", since)
            .query(Long.class)
            .single();
    return new Attempt(id, failures > properties.maxFailedSignIns());
  }

  void succeeded(Attempt attempt) {
    jdbc.sql("UPDATE sign_in_attempts SET succeeded = TRUE WHERE id = :id")
        .param("id", attempt.id())
        .update();
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
