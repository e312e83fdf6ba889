package io.promptlens.app.workspaces;

import io.promptlens.app.accounts.AccountUser;
import io.promptlens.app.accounts.UserRegistered;
import io.promptlens.app.workspaces.WorkspaceRepository.MemberView;
import io.promptlens.app.workspaces.WorkspaceRepository.Membership;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workspaces and their members. {@link #require} is the one gate every workspace endpoint passes: a
 * caller who is not a member gets 404 (the workspace might as well not exist), a member whose role
 * lacks the permission gets 403.
 */
@Service
public class Workspaces {

  private final WorkspaceRepository repository;
  private final Clock clock;
  private final org.springframework.beans.factory.ObjectProvider<WorkspaceLimits> limits;
  private final ApplicationEventPublisher events;

  Workspaces(
      WorkspaceRepository repository,
      Clock clock,
      ApplicationEventPublisher events,
      org.springframework.beans.factory.ObjectProvider<WorkspaceLimits> limits) {
    this.repository = repository;
    this.clock = clock;
    this.events = events;
    this.limits = limits;
  }

  /**
   * A person as {@link #require(UUID, AccountUser, Permission)}; an API key only in its own
   * workspace (404 elsewhere) and with the lesser of its scope and its creator's current role (403
   * beyond it). A key acts as the person who created it, so what it stores traces to a user; a key
   * whose creator is no longer a member acts for nobody (404, as for a stranger). Checking the role
   * at each request, not at the key's creation, is what makes a demotion or removal take effect on
   * keys at once.
   */
  @Transactional(readOnly = true)
  public Member require(UUID workspaceId, Caller caller, Permission permission) {
    if (caller instanceof Caller.Person person) {
      return require(workspaceId, person.user(), permission);
    }
    ApiKey key = ((Caller.Key) caller).key();
    if (!key.workspaceId().equals(workspaceId)) {
      throw WorkspaceProblem.notFound(workspaceId);
    }
    Role creatorRole =
        repository
            .membership(workspaceId, key.createdBy())
            .orElseThrow(() -> WorkspaceProblem.notFound(workspaceId))
            .role();
    if (!key.allows(permission)) {
      throw WorkspaceProblem.forbidden(
          "This API key's scope ("
              + key.scope()
              + ") does not allow this; keys never manage members, keys or ownership.");
    }
    Role acting = key.scopeRole().atMost(creatorRole);
    if (!acting.can(permission)) {
      throw WorkspaceProblem.forbidden(
          "This API key acts with its creator's current role ("
              + creatorRole
              + "), which does not allow this.");
    }
    return new Member(workspaceId, key.createdBy(), acting);
  }

  @Transactional(readOnly = true)
  public Member require(UUID workspaceId, AccountUser user, Permission permission) {
    Membership membership =
        repository
            .membership(workspaceId, user.id())
            .orElseThrow(() -> WorkspaceProblem.notFound(workspaceId));
    if (!membership.role().can(permission)) {
      throw WorkspaceProblem.forbidden(membership.role(), permission);
    }
    return new Member(workspaceId, user.id(), membership.role());
  }

  @Transactional(readOnly = true)
  public Workspace personalOf(AccountUser user) {
    return repository
        .personalOf(user.id())
        .orElseThrow(() -> new IllegalStateException("user " + user.id() + " has no workspace"));
  }

  @Transactional(readOnly = true)
  public Workspace get(Member member) {
    return repository
        .membership(member.workspaceId(), member.userId())
        .orElseThrow(() -> WorkspaceProblem.notFound(member.workspaceId()))
        .workspace();
  }

  /** The workspaces where the user may create, personal first: where a new prompt can go. */
  @Transactional(readOnly = true)
  public List<Workspace> writableBy(AccountUser user) {
    return repository.membershipsOf(user.id()).stream()
        .filter(m -> m.role().can(Permission.CREATE))
        .map(Membership::workspace)
        .toList();
  }

  @Transactional(readOnly = true)
  List<Membership> of(AccountUser user) {
    return repository.membershipsOf(user.id());
  }

  @Transactional(readOnly = true)
  List<MemberView> members(Member member) {
    return repository.members(member.workspaceId());
  }

  /** The settings of a workspace the caller has already passed {@link #require} for. */
  @Transactional(readOnly = true)
  public WorkspaceSettings settings(UUID workspaceId) {
    return repository.settings(workspaceId).orElse(WorkspaceSettings.DEFAULTS);
  }

  @Transactional
  WorkspaceSettings updateSettings(Member manager, WorkspaceSettings settings) {
    if (settings.thumbnails() && !settings(manager.workspaceId()).thumbnails()) {
      limits.getIfAvailable(() -> WorkspaceLimits.NONE).checkThumbnails(manager.workspaceId());
    }
    repository.saveSettings(manager.workspaceId(), settings);
    return settings;
  }

  /** Inside the sign-up transaction: the account and its personal workspace exist together. */
  @EventListener
  void createPersonalWorkspace(UserRegistered registered) {
    AccountUser user = registered.user();
    create(user.firstName() + "'s workspace", true, user.id());
  }

  @Transactional
  Workspace createTeam(@Nullable String name, AccountUser owner) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty() || trimmed.length() > 100) {
      throw WorkspaceProblem.badRequest("A workspace name of 1 to 100 characters is required.");
    }
    return create(trimmed, false, owner.id());
  }

  @Transactional
  void changeRole(Member caller, UUID userId, Role role) {
    Role current = roleOf(caller.workspaceId(), userId);
    if (current == Role.OWNER || role == Role.OWNER) {
      throw WorkspaceProblem.conflict(
          "The owner's role changes only by transferring ownership"
              + " (POST /api/v1/workspaces/{id}/transfer).");
    }
    repository.setRole(caller.workspaceId(), userId, role);
    events.publishEvent(
        new WorkspaceEvents.RoleChanged(caller.workspaceId(), userId, role, caller.userId()));
  }

  @Transactional
  void remove(Member caller, UUID userId) {
    if (roleOf(caller.workspaceId(), userId) == Role.OWNER) {
      throw WorkspaceProblem.conflict("The owner cannot be removed; transfer ownership first.");
    }
    repository.removeMember(caller.workspaceId(), userId);
    repository.revokeKeysOf(caller.workspaceId(), userId, now());
  }

  @Transactional
  void leave(Member caller) {
    if (caller.role() == Role.OWNER) {
      throw WorkspaceProblem.conflict(
          "The owner cannot leave; transfer ownership to another member first.");
    }
    repository.removeMember(caller.workspaceId(), caller.userId());
    repository.revokeKeysOf(caller.workspaceId(), caller.userId(), now());
  }

  /** The new owner must already be a member; the old owner stays on as admin. */
  @Transactional
  void transfer(Member owner, UUID newOwnerId) {
    if (get(owner).personal()) {
      throw WorkspaceProblem.conflict("A personal workspace cannot change hands.");
    }
    if (newOwnerId.equals(owner.userId())) {
      return;
    }
    roleOf(owner.workspaceId(), newOwnerId);
    repository.setRole(owner.workspaceId(), newOwnerId, Role.OWNER);
    repository.setRole(owner.workspaceId(), owner.userId(), Role.ADMIN);
    events.publishEvent(
        new WorkspaceEvents.RoleChanged(
            owner.workspaceId(), newOwnerId, Role.OWNER, owner.userId()));
    events.publishEvent(
        new WorkspaceEvents.RoleChanged(
            owner.workspaceId(), owner.userId(), Role.ADMIN, owner.userId()));
  }

  /** Adds an invitee; a repeated acceptance keeps the existing membership as it is. */
  @Transactional
  void join(UUID workspaceId, UUID userId, Role role) {
    if (repository.membership(workspaceId, userId).isEmpty()) {
      repository.addMember(workspaceId, userId, role, now());
    }
  }

  private Role roleOf(UUID workspaceId, UUID userId) {
    return repository
        .membership(workspaceId, userId)
        .orElseThrow(() -> WorkspaceProblem.notFound("member", userId))
        .role();
  }

  private Workspace create(String name, boolean personal, UUID ownerId) {
    Workspace workspace = new Workspace(UUID.randomUUID(), name, personal, now());
    repository.insert(workspace, ownerId);
    repository.addMember(workspace.id(), ownerId, Role.OWNER, workspace.createdAt());
    return workspace;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
