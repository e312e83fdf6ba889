package io.promptlens.app.privacy;

import io.promptlens.app.system.Mailer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The right to erasure, in two steps. {@link #request}: sessions, remember-me tokens and API keys
 * die at once and the erasure is due after the grace period (signing in cancels it). {@link
 * #erase}: driven by {@link PersonalData}, in one transaction: the person's own rows are deleted,
 * their personal workspace with everything in it, and rows that stay (team content, accounting) are
 * re-pointed at a fresh tombstone account that names nobody; then the account row goes and a final
 * mail confirms it.
 */
@Service
class Erasure {

  private static final Logger log = LoggerFactory.getLogger(Erasure.class);

  /** A team workspace the person owns: it must be transferred before the account can go. */
  record OwnedTeam(UUID id, String name) {}

  private final JdbcClient jdbc;
  private final PrivacyAccounts accounts;
  private final PrivacyProperties properties;
  private final ConnectionLog connectionLog;
  private final PasswordEncoder encoder;
  private final Mailer mailer;
  private final Clock clock;

  Erasure(
      JdbcClient jdbc,
      PrivacyAccounts accounts,
      PrivacyProperties properties,
      ConnectionLog connectionLog,
      PasswordEncoder encoder,
      Mailer mailer,
      Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.properties = properties;
    this.connectionLog = connectionLog;
    this.encoder = encoder;
    this.mailer = mailer;
    this.clock = clock;
  }

  boolean passwordMatches(UUID userId, String password) {
    String hash =
        jdbc.sql("SELECT password_hash FROM users WHERE id = :id AND closed_at IS NULL")
            .param("id", userId)
            .query(String.class)
            .optional()
            .orElse(null);
    return hash != null && encoder.matches(password, hash);
  }

  List<OwnedTeam> ownedTeams(UUID userId) {
    return jdbc.sql(
            """
            SELECT w.id, w.name FROM workspaces w JOIN memberships m ON m.workspace_id = w.id
            WHERE m.user_id = :user AND m.role = 'owner' AND w.personal = FALSE
            ORDER BY w.name, w.id
            """)
        .param("user", userId)
        .query((row, n) -> new OwnedTeam(row.getObject("id", UUID.class), row.getString("name")))
        .list();
  }

  /**
   * Schedules the erasure; the caller has checked the password and that no team is owned.
   *
   * @return when the erasure is due
   */
  @Transactional
  Instant request(UUID userId) {
    Instant now = now();
    Instant due = now.plus(properties.erasureGrace());
    accounts.scheduleErasure(userId, due);
    String id = userId.toString();
    jdbc.sql("DELETE FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :id").param("id", id).update();
    jdbc.sql("DELETE FROM persistent_logins WHERE username = :id").param("id", id).update();
    jdbc.sql(
            "UPDATE api_keys SET revoked_at = :now WHERE created_by = :user AND revoked_at IS NULL")
        .param("now", ConnectionLog.at(now))
        .param("user", userId)
        .update();
    connectionLog.record(userId, "erasure-requested", "due " + due);
    PrivacyAccounts.State state = accounts.find(userId).orElseThrow();
    mailer.send(
        state.email(),
        "Your PromptLens account will be deleted",
        "Hello "
            + state.firstName()
            + ",\n\nYou asked us to delete your PromptLens account. We signed you out everywhere"
            + " and revoked your API keys. Your data will be deleted on "
            + due.truncatedTo(ChronoUnit.MINUTES)
            + " (UTC).\n\nChanged your mind? Sign in before then and nothing is deleted.");
    return due;
  }

  /** Erases every account whose grace period is over; one failure does not stop the others. */
  int eraseDue(Instant now) {
    int erased = 0;
    for (UUID user : accounts.erasuresDue(now)) {
      try {
        erase(user);
        erased++;
      } catch (RuntimeException e) {
        log.error("Erasure of account {} failed; it is retried at the next run", user, e);
      }
    }
    return erased;
  }

  /**
   * Erases the account now. Team workspaces the person still owns (ownership may have come to them
   * during the grace period) pass to their longest-standing other member, or go with the account
   * when nobody else is in them.
   */
  @Transactional
  void erase(UUID userId) {
    PrivacyAccounts.State state = accounts.find(userId).orElse(null);
    if (state == null || state.closedAt() != null) {
      return;
    }
    Map<String, Object> person = new HashMap<>();
    person.put("user", userId);
    person.put("userText", userId.toString());
    person.put("email", state.email());
    List<UUID> leaving = workspacesLeaving(userId);
    for (PersonalData.Table table : PersonalData.TABLES) {
      if (table.delete() != null) {
        jdbc.sql("DELETE FROM " + table.name() + " WHERE " + table.delete())
            .params(person)
            .update();
      }
    }
    if (!leaving.isEmpty()) {
      for (PersonalData.Table table : PersonalData.TABLES) {
        if (table.workspaceColumn() != null) {
          jdbc.sql(
                  "DELETE FROM " + table.name() + " WHERE " + table.workspaceColumn() + " IN (:ws)")
              .param("ws", leaving)
              .update();
        }
      }
    }
    UUID tombstone = tombstone();
    for (PersonalData.Table table : PersonalData.TABLES) {
      for (String column : table.reassign()) {
        jdbc.sql(
                "UPDATE "
                    + table.name()
                    + " SET "
                    + column
                    + " = :tombstone WHERE "
                    + column
                    + " = :user")
            .param("tombstone", tombstone)
            .param("user", userId)
            .update();
      }
      if (!table.clear().isEmpty()) {
        String set =
            String.join(", ", table.clear().stream().map(column -> column + " = NULL").toList());
        jdbc.sql("UPDATE " + table.name() + " SET " + set + " WHERE " + table.rows())
            .params(person)
            .update();
      }
    }
    jdbc.sql("DELETE FROM users WHERE id = :user").param("user", userId).update();
    // Sent before the commit, like every account mail: a refused mail rolls the erasure back and
    // it is retried at the next run.
    mailer.send(
        state.email(),
        "Your PromptLens account is deleted",
        "Hello "
            + state.firstName()
            + ",\n\nAs you asked, your PromptLens account and your personal data are now"
            + " deleted. Prompts you made in team workspaces stay with those teams and no longer"
            + " name you.\n\nThank you for having used PromptLens.");
    log.info("Account {} erased (tombstone {})", userId, tombstone);
  }

  /** The personal workspace, and owned teams nobody else is in (others change hands). */
  private List<UUID> workspacesLeaving(UUID userId) {
    List<UUID> leaving =
        new java.util.ArrayList<>(
            jdbc.sql(
                    """
                    SELECT w.id FROM workspaces w JOIN memberships m ON m.workspace_id = w.id
                    WHERE m.user_id = :user AND m.role = 'owner' AND w.personal = TRUE
                    """)
                .param("user", userId)
                .query(UUID.class)
                .list());
    for (OwnedTeam team : ownedTeams(userId)) {
      UUID heir =
          jdbc
              .sql(
                  """
                  SELECT user_id FROM memberships WHERE workspace_id = :ws AND user_id <> :user
                  ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'member' THEN 1 ELSE 2 END,
                      joined_at, user_id
                  """)
              .param("ws", team.id())
              .param("user", userId)
              .query(UUID.class)
              .list()
              .stream()
              .findFirst()
              .orElse(null);
      if (heir == null) {
        leaving.add(team.id());
      } else {
        jdbc.sql(
                "UPDATE memberships SET role = 'owner' WHERE workspace_id = :ws AND user_id = :heir")
            .param("ws", team.id())
            .param("heir", heir)
            .update();
      }
    }
    return leaving;
  }

  /**
   * A fresh account row standing for "a former member": what stays re-points here, so no row keeps
   * the erased person's id. It cannot sign in (random password, unverified, no email).
   */
  private UUID tombstone() {
    UUID id = UUID.randomUUID();
    Instant now = now();
    jdbc.sql(
            """
            INSERT INTO users (id, email, first_name, last_name, password_hash, created_at,
                closed_at)
            VALUES (:id, :email, 'Former', 'member', :hash, :now, :now)
            """)
        .param("id", id)
        .param("email", "erased-" + id)
        .param("hash", encoder.encode(UUID.randomUUID().toString()))
        .param("now", ConnectionLog.at(now))
        .update();
    return id;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
