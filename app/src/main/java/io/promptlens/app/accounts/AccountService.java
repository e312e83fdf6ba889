package io.promptlens.app.accounts;

import io.promptlens.app.accounts.AccountTokens.Purpose;
import io.promptlens.app.system.Mailer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-up, verification and password reset. Each answers the same whether or not the email has an
 * account (no enumeration): sign-up with a taken email mails its owner instead of creating
 * anything, and a reset request for an unknown email quietly does nothing. Mail is sent inside the
 * transaction, so a mail server that refuses leaves no account without its link.
 */
@Service
class AccountService {

  private final Users users;
  private final AccountTokens tokens;
  private final PasswordEncoder encoder;
  private final Mailer mailer;
  private final PublicLinks links;
  private final ApplicationEventPublisher events;
  private final AccountProperties properties;
  private final JdbcClient jdbc;
  private final Clock clock;

  AccountService(
      Users users,
      AccountTokens tokens,
      PasswordEncoder encoder,
      Mailer mailer,
      PublicLinks links,
      ApplicationEventPublisher events,
      AccountProperties properties,
      JdbcClient jdbc,
      Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.encoder = encoder;
    this.mailer = mailer;
    this.links = links;
    this.events = events;
    this.properties = properties;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Call only with a form whose {@link SignUpForm#errors()} is empty. */
  @Transactional
  void signUp(SignUpForm form) {
    // errors() is empty, so every field is present: requireNonNull states it, never fires.
    String email = Users.normalise(Objects.requireNonNull(form.email()));
    // Hash first, whatever happens next, so a taken email answers as slowly as a new one.
    String hash = encoder.encode(form.password());
    Optional<AccountUser> existing = users.findByEmail(email);
    if (existing.isPresent()) {
      AccountUser owner = existing.get();
      if (tooManyMails(owner)) {
        return;
      }
      if (owner.verified()) {
        tokens.issue(owner.id(), Purpose.NOTICE, java.time.Duration.ZERO, now());
        mailer.send(
            email,
            "Someone tried to sign up with your email",
            "Someone (maybe you) tried to create a PromptLens account with this email, which"
                + " already has one.\n\nSign in: "
                + links.to("/sign-in")
                + "\nForgot your password? "
                + links.to("/forgot-password")
                + "\n\nIf it was not you, you can ignore this mail.");
      } else {
        sendVerification(owner);
      }
      return;
    }
    Instant now = now();
    AccountUser user =
        new AccountUser(
            UUID.randomUUID(),
            email,
            Objects.requireNonNull(form.firstName()).strip(),
            Objects.requireNonNull(form.lastName()).strip(),
            hash,
            false);
    users.insert(user, now);
    events.publishEvent(new UserRegistered(user.withoutPassword()));
    sendVerification(user);
  }

  @Transactional
  boolean verify(String token) {
    Optional<UUID> user = tokens.consume(token, Purpose.VERIFY, now());
    user.ifPresent(id -> users.markVerified(id, now()));
    return user.isPresent();
  }

  @Transactional
  void requestReset(String email) {
    users
        .findByEmail(email)
        .filter(user -> !tooManyMails(user))
        .ifPresent(
            user -> {
              String token =
                  tokens.issue(user.id(), Purpose.RESET, properties.resetValidity(), now());
              mailer.send(
                  user.email(),
                  "Reset your PromptLens password",
                  "Hello "
                      + user.firstName()
                      + ",\n\nSet a new password here (the link works for "
                      + properties.resetValidity().toMinutes()
                      + " minutes, once):\n"
                      + links.to("/reset-password?token=" + encode(token))
                      + "\n\nIf you did not ask for this, ignore this mail: your password stays"
                      + " as it is.");
            });
  }

  boolean isResetTokenValid(String token) {
    return tokens.isValid(token, Purpose.RESET, now());
  }

  /**
   * Sets the new password, counts the mailbox as verified, and signs the account out everywhere
   * (sessions and remember-me tokens), since a reset usually means the old password is known to
   * someone else.
   */
  @Transactional
  boolean resetPassword(String token, String password) {
    Optional<UUID> user = tokens.consume(token, Purpose.RESET, now());
    user.ifPresent(
        id -> {
          tokens.retireAll(id, Purpose.RESET, now());
          // The encoder answers null only for a null password, and this one is not.
          users.changePassword(id, Objects.requireNonNull(encoder.encode(password)));
          users.markVerified(id, now());
          jdbc.sql("DELETE FROM persistent_logins WHERE username = :id")
              .param("id", id.toString())
              .update();
          jdbc.sql("DELETE FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :id")
              .param("id", id.toString())
              .update();
          events.publishEvent(new PasswordReset(id));
        });
    return user.isPresent();
  }

  /**
   * At most {@link #MAILS_PER_HOUR} account mails an hour per address, so sign-up and "forgot
   * password" cannot be used to flood someone's inbox. Past it the answer stays the same and no
   * mail goes out.
   */
  private boolean tooManyMails(AccountUser user) {
    return tokens.issuedSince(user.id(), now().minus(java.time.Duration.ofHours(1)))
        >= MAILS_PER_HOUR;
  }

  static final int MAILS_PER_HOUR = 5;

  private void sendVerification(AccountUser user) {
    String token =
        tokens.issue(user.id(), Purpose.VERIFY, properties.verificationValidity(), now());
    mailer.send(
        user.email(),
        "Verify your email for PromptLens",
        "Hello "
            + user.firstName()
            + ",\n\nConfirm your email to start using PromptLens:\n"
            + links.to("/verify?token=" + encode(token))
            + "\n\nThe link works for "
            + properties.verificationValidity().toHours()
            + " hours. If you did not sign up, ignore this mail.");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String encode(String token) {
    return URLEncoder.encode(token, StandardCharsets.UTF_8);
  }
}
