package io.promptlens.app.workspaces;

import io.promptlens.app.accounts.AccountTokens;
import io.promptlens.app.accounts.AccountUser;
import io.promptlens.app.accounts.PublicLinks;
import io.promptlens.app.accounts.Users;
import io.promptlens.app.system.Mailer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations by email: a link with 256 random bits (only its SHA-256 is stored, so the row is the
 * signature: a link that is not in the table, or is used, revoked or expired, does nothing). The
 * link works for the invited address only: the person accepting must be signed in with it.
 */
@Service
class Invitations {

  static final Duration VALIDITY = Duration.ofDays(7);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  record Invitation(
      UUID id, UUID workspaceId, String email, Role role, Instant expiresAt, Instant createdAt) {}

  /** What the acceptance page shows. */
  record Pending(UUID workspaceId, String workspaceName, String email, Role role) {}

  private final JdbcClient jdbc;
  private final Workspaces workspaces;
  private final Mailer mailer;
  private final PublicLinks links;
  private final Clock clock;
  private final WorkspaceLimits limits;

  Invitations(
      JdbcClient jdbc,
      Workspaces workspaces,
      Mailer mailer,
      PublicLinks links,
      Clock clock,
      org.springframework.beans.factory.ObjectProvider<WorkspaceLimits> limits) {
    this.jdbc = jdbc;
    this.workspaces = workspaces;
    this.mailer = mailer;
    this.links = links;
    this.clock = clock;
    this.limits = limits.getIfAvailable(() -> WorkspaceLimits.NONE);
  }

  @Transactional
  Invitation invite(Member inviter, AccountUser inviterUser, @Nullable String email, Role role) {
    Workspace workspace = workspaces.get(inviter);
    if (workspace.personal()) {
      throw WorkspaceProblem.conflict(
          "A personal workspace is yours alone: create a team workspace to invite people.");
    }
    if (role == Role.OWNER) {
      throw WorkspaceProblem.badRequest(
          "Invite as admin, member or viewer; ownership is transferred, not invited.");
    }
    String address = email == null ? "" : Users.normalise(email);
    if (address.length() > 320 || !EMAIL.matcher(address).matches()) {
      throw WorkspaceProblem.badRequest("Enter an email address like name@example.com.");
    }
    limits.checkSeat(workspace.id(), workspaces.members(inviter).size() + pending(inviter).size());
    String token = AccountTokens.newToken();
    Instant now = now();
    Invitation invitation =
        new Invitation(UUID.randomUUID(), workspace.id(), address, role, now.plus(VALIDITY), now);
    jdbc.sql(
            """
            INSERT INTO invitations (id, workspace_id, email, role, token_hash, invited_by,
                expires_at, created_at)
            VALUES (:id, :ws, :email, :role, :hash, :by, :expiresAt, :createdAt)
            """)
        .param("id", invitation.id())
        .param("ws", workspace.id())
        .param("email", address)
        .param("role", role.wireName())
        .param("hash", AccountTokens.hash(token))
        .param("by", inviter.userId())
        .param("expiresAt", WorkspaceRepository.at(invitation.expiresAt()))
        .param("createdAt", WorkspaceRepository.at(now))
        .update();
    mailer.send(
        address,
        inviterUser.displayName() + " invited you to " + workspace.name() + " on PromptLens",
        inviterUser.displayName()
            + " invited you to the workspace \""
            + workspace.name()
            + "\" as "
            + role.wireName()
            + ".\n\nAccept (sign up or sign in with this email first):\n"
            + links.to("/invitations/" + URLEncoder.encode(token, StandardCharsets.UTF_8))
            + "\n\nThe link works for "
            + VALIDITY.toDays()
            + " days.");
    return invitation;
  }

  @Transactional(readOnly = true)
  List<Invitation> pending(Member member) {
    return jdbc.sql(
            """
            SELECT id, workspace_id, email, role, expires_at, created_at FROM invitations
            WHERE workspace_id = :ws AND accepted_at IS NULL AND revoked_at IS NULL
              AND expires_at > :now
            ORDER BY created_at
            """)
        .param("ws", member.workspaceId())
        .param("now", WorkspaceRepository.at(now()))
        .query(
            (row, n) ->
                new Invitation(
                    row.getObject("id", UUID.class),
                    row.getObject("workspace_id", UUID.class),
                    row.getString("email"),
                    Role.parse(row.getString("role")),
                    row.getObject("expires_at", OffsetDateTime.class).toInstant(),
                    row.getObject("created_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  @Transactional
  void revoke(Member member, UUID invitationId) {
    String open = "accepted_at IS NULL AND revoked_at IS NULL";
    if (WorkspaceRepository.revoke(jdbc, "invitations", open, member, invitationId, now()) == 0) {
      throw WorkspaceProblem.notFound("open invitation", invitationId);
    }
  }

  @Transactional(readOnly = true)
  Optional<Pending> find(String token) {
    return jdbc.sql(
            """
            SELECT i.workspace_id, w.name, i.email, i.role FROM invitations i
            JOIN workspaces w ON w.id = i.workspace_id
            WHERE i.token_hash = :hash AND i.accepted_at IS NULL AND i.revoked_at IS NULL
              AND i.expires_at > :now
            """)
        .param("hash", AccountTokens.hash(token))
        .param("now", WorkspaceRepository.at(now()))
        .query(
            (row, n) ->
                new Pending(
                    row.getObject("workspace_id", UUID.class),
                    row.getString("name"),
                    row.getString("email"),
                    Role.parse(row.getString("role"))))
        .optional();
  }

  /**
   * @return the workspace joined
   */
  @Transactional
  UUID accept(String token, AccountUser user) {
    Pending pending =
        find(token)
            .orElseThrow(
                () ->
                    WorkspaceProblem.conflict(
                        "This invitation is wrong, used, revoked or expired. Ask for a new one."));
    if (!pending.email().equals(user.email())) {
      throw WorkspaceProblem.forbidden(
          "This invitation was sent to another email address: sign in with that address.");
    }
    jdbc.sql(
            """
            UPDATE invitations SET accepted_at = :now, accepted_by = :user
            WHERE token_hash = :hash AND accepted_at IS NULL
            """)
        .param("now", WorkspaceRepository.at(now()))
        .param("user", user.id())
        .param("hash", AccountTokens.hash(token))
        .update();
    workspaces.join(pending.workspaceId(), user.id(), pending.role());
    return pending.workspaceId();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
