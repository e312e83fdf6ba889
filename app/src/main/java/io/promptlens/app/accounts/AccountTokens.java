package io.promptlens.app.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use tokens for links sent by mail: 256 random bits in the link, only their SHA-256 in the
 * database. {@link #consume} marks a token used in the same statement that checks it, so two
 * concurrent clicks cannot both succeed.
 */
@Repository
public class AccountTokens {

  enum Purpose {
    VERIFY,
    RESET,
    /** Not a link: the record that a "someone tried to sign up" notice was mailed. */
    NOTICE
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  AccountTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A fresh random token, URL-safe. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  String issue(UUID userId, Purpose purpose, Duration validity, Instant now) {
    String token = newToken();
    jdbc.sql(
            """
            INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at, created_at)
            VALUES (:hash, :userId, :purpose, :expiresAt, :createdAt)
            """)
        .param("hash", hash(token))
        .param("userId", userId)
        .param("purpose", purpose.name())
        .param("expiresAt", OffsetDateTime.ofInstant(now.plus(validity), ZoneOffset.UTC))
        .param("createdAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .update();
    return token;
  }

  /** How many mails (tokens of any purpose) the user was sent since {@code since}. */
  long issuedSince(UUID userId, Instant since) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM account_tokens WHERE user_id = :user AND created_at > :since")
        .param("user", userId)
        .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
        .query(Long.class)
        .single();
  }

  /** The user of a valid token of this purpose, whose token is now used; empty otherwise. */
  Optional<UUID> consume(String token, Purpose purpose, Instant now) {
    String hash = hash(token);
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    int updated =
        jdbc.sql(
                """
                UPDATE account_tokens SET used_at = :now
                WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL
                  AND expires_at > :now
                """)
            .param("now", at)
            .param("hash", hash)
            .param("purpose", purpose.name())
            .update();
    if (updated == 0) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT user_id FROM account_tokens WHERE token_hash = :hash")
        .param("hash", hash)
        .query(UUID.class)
        .optional();
  }

  /**
   * Marks every still-open token of this purpose used: once one reset link has set a password, an
   * older link lying in the same mailbox must not set another.
   */
  void retireAll(UUID userId, Purpose purpose, Instant now) {
    jdbc.sql(
            """
            UPDATE account_tokens SET used_at = :now
            WHERE user_id = :user AND purpose = :purpose AND used_at IS NULL
            """)
        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .param("user", userId)
        .param("purpose", purpose.name())
        .update();
  }

  /** Whether a token is valid now, without using it (to show the reset form). */
  boolean isValid(String token, Purpose purpose, Instant now) {
    return jdbc.sql(
                """
            SELECT COUNT(*) FROM account_tokens WHERE token_hash = :hash AND purpose = :purpose
              AND used_at IS NULL AND expires_at > :now
            """)
            .param("hash", hash(token))
            .param("purpose", purpose.name())
            .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .query(Long.class)
            .single()
        > 0;
  }
}
