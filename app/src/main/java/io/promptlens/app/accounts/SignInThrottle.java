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
class SignInThrottle {

  private final JdbcClient jdbc;
  private final AccountProperties properties;
  private final Clock clock;

  SignInThrottle(JdbcClient jdbc, AccountProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  boolean isBlocked(String email) {
    OffsetDateTime since = at(clock.instant().minus(properties.signInWindow()));
    long failures =
        jdbc.sql(
                """
                SELECT COUNT(*) FROM sign_in_attempts
                WHERE email = :email AND succeeded = FALSE AND attempted_at > :since
                  AND attempted_at > COALESCE((SELECT MAX(attempted_at) FROM sign_in_attempts
                      WHERE email = :email AND succeeded = TRUE), :since)
                """)
            .param("email", Users.normalise(email))
            .param("since", since)
            .query(Long.class)
            .single();
    return failures >= properties.maxFailedSignIns();
  }

  void record(String email, boolean succeeded) {
    jdbc.sql(
            """
            INSERT INTO sign_in_attempts (id, email, succeeded, attempted_at)
            VALUES (:id, :email, :succeeded, :at)
            """)
        .param("id", UUID.randomUUID())
        .param("email", Users.normalise(email))
        .param("succeeded", succeeded)
        .param("at", at(clock.instant()))
        .update();
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
