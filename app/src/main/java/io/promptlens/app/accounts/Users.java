package io.promptlens.app.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code users} table. Emails are stored and looked up lower-cased. */
@Repository
public class Users {

  private final JdbcClient jdbc;

  Users(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public static String normalise(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  @Transactional(readOnly = true)
  public Optional<AccountUser> findByEmail(String email) {
    return jdbc.sql(SELECT + " WHERE email = :email")
        .param("email", normalise(email))
        .query(Users::map)
        .optional();
  }

  @Transactional(readOnly = true)
  public Optional<AccountUser> findById(UUID id) {
    return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Users::map).optional();
  }

  void insert(AccountUser user, Instant createdAt) {
    jdbc.sql(
            """
            INSERT INTO users (id, email, first_name, last_name, password_hash, created_at)
            VALUES (:id, :email, :firstName, :lastName, :hash, :createdAt)
            """)
        .param("id", user.id())
        .param("email", user.email())
        .param("firstName", user.firstName())
        .param("lastName", user.lastName())
        .param("hash", user.passwordHash())
        .param("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
        .update();
  }

  void markVerified(UUID id, Instant at) {
    jdbc.sql(
            "UPDATE users SET email_verified_at = :at WHERE id = :id AND email_verified_at IS NULL")
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("id", id)
        .update();
  }

  void changePassword(UUID id, String hash) {
    jdbc.sql("UPDATE users SET password_hash = :hash WHERE id = :id")
        .param("hash", hash)
        .param("id", id)
        .update();
  }

  private static final String SELECT =
      "SELECT id, email, first_name, last_name, password_hash, email_verified_at FROM users";

  private static AccountUser map(ResultSet row, int number) throws SQLException {
    return new AccountUser(
        row.getObject("id", UUID.class),
        row.getString("email"),
        row.getString("first_name"),
        row.getString("last_name"),
        row.getString("password_hash"),
        row.getObject("email_verified_at", OffsetDateTime.class) != null);
  }
}
