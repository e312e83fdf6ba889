package io.promptlens.app.privacy;

import io.promptlens.app.accounts.AccountTokens;
import io.promptlens.app.accounts.PublicLinks;
import io.promptlens.app.accounts.Users;
import io.promptlens.app.system.Mailer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The right to rectification: names change at once; an email changes only once the new address has
 * followed the link mailed to it, and the old address is told when it has.
 */
@Service
class Rectification {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final PrivacyAccounts accounts;
  private final Users users;
  private final Erasure erasure;
  private final ConnectionLog connectionLog;
  private final PrivacyProperties properties;
  private final PublicLinks links;
  private final Mailer mailer;
  private final JdbcClient jdbc;
  private final Clock clock;

  Rectification(
      PrivacyAccounts accounts,
      Users users,
      Erasure erasure,
      ConnectionLog connectionLog,
      PrivacyProperties properties,
      PublicLinks links,
      Mailer mailer,
      JdbcClient jdbc,
      Clock clock) {
    this.accounts = accounts;
    this.users = users;
    this.erasure = erasure;
    this.connectionLog = connectionLog;
    this.properties = properties;
    this.links = links;
    this.mailer = mailer;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  void rename(UUID userId, @Nullable String firstName, @Nullable String lastName) {
    String first = name(firstName, "first name");
    String last = name(lastName, "last name");
    accounts.setNames(userId, first, last);
    connectionLog.record(userId, "profile-changed", null);
  }

  /**
   * Mails a confirmation link to the new address. A taken address gets a notice instead, and the
   * answer is the same, so nobody learns through this whether an address has an account.
   */
  @Transactional
  void requestEmailChange(UUID userId, @Nullable String newEmail, @Nullable String password) {
    if (password == null || !erasure.passwordMatches(userId, password)) {
      throw PrivacyProblem.of(HttpStatus.FORBIDDEN, "The password is wrong.");
    }
    String email = newEmail == null ? "" : Users.normalise(newEmail);
    if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
      throw PrivacyProblem.of(HttpStatus.BAD_REQUEST, "Enter a valid email address.");
    }
    if (users.findByEmail(email).isPresent()) {
      mailer.send(
          email,
          "Someone tried to move a PromptLens account to this email",
          "This address already has a PromptLens account, so nothing was changed.");
      return;
    }
    String token = AccountTokens.newToken();
    Instant now = now();
    jdbc.sql(
            """
            INSERT INTO email_changes (token_hash, user_id, new_email, expires_at, created_at)
            VALUES (:hash, :user, :email, :expires, :now)
            """)
        .param("hash", AccountTokens.hash(token))
        .param("user", userId)
        .param("email", email)
        .param("expires", ConnectionLog.at(now.plus(properties.emailChangeValidity())))
        .param("now", ConnectionLog.at(now))
        .update();
    connectionLog.record(userId, "email-change-requested", null);
    mailer.send(
        email,
        "Confirm your new email for PromptLens",
        "Confirm that this is your new PromptLens email:\n"
            + links.to("/confirm-email?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))
            + "\n\nThe link works for "
            + properties.emailChangeValidity().toHours()
            + " hours. If you did not ask for this, ignore this mail.");
  }

  /**
   * @return whether the link was valid and the email changed
   */
  @Transactional
  boolean confirmEmailChange(String token) {
    String hash = AccountTokens.hash(token);
    var change =
        jdbc.sql(
                "SELECT user_id, new_email FROM email_changes WHERE token_hash = :hash"
                    + " AND expires_at > :now")
            .param("hash", hash)
            .param("now", ConnectionLog.at(now()))
            .query(
                (row, n) ->
                    new Object[] {row.getObject("user_id", UUID.class), row.getString("new_email")})
            .optional();
    jdbc.sql("DELETE FROM email_changes WHERE token_hash = :hash").param("hash", hash).update();
    if (change.isEmpty()) {
      return false;
    }
    UUID userId = (UUID) change.get()[0];
    String email = (String) change.get()[1];
    PrivacyAccounts.State person = accounts.find(userId).orElse(null);
    if (person == null || person.closedAt() != null || users.findByEmail(email).isPresent()) {
      return false;
    }
    jdbc.sql("UPDATE users SET email = :email WHERE id = :id")
        .param("email", email)
        .param("id", userId)
        .update();
    connectionLog.record(userId, "email-changed", null);
    mailer.send(
        person.email(),
        "Your PromptLens email was changed",
        "Hello "
            + person.firstName()
            + ",\n\nYour PromptLens account now uses another email address. If you did not do"
            + " this, reply to this mail or write to "
            + properties.contactEmail()
            + " at once.");
    return true;
  }

  private static String name(@Nullable String value, String what) {
    String name = value == null ? "" : value.strip();
    if (name.isEmpty() || name.length() > 100) {
      throw PrivacyProblem.of(
          HttpStatus.BAD_REQUEST, "A " + what + " of 1 to 100 characters is required.");
    }
    return name;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
