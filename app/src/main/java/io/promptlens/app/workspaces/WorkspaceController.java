package io.promptlens.app.workspaces;

import io.promptlens.app.workspaces.WorkspaceRepository.MemberView;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/workspaces}: workspaces, members, roles, ownership and invitations. */
@RestController
@RequestMapping("/api/v1")
record WorkspaceController(Workspaces workspaces, Invitations invitations) {

  record WorkspaceResponse(UUID id, String name, boolean personal, Role role) {}

  record NewWorkspace(@Nullable String name) {}

  record RoleChange(@Nullable String role) {}

  record Transfer(@Nullable UUID userId) {}

  record NewInvitation(@Nullable String email, @Nullable String role) {}

  record InvitationResponse(UUID id, String email, Role role, Instant expiresAt) {}

  record Acceptance(@Nullable String token) {}

  /** A settings change: what is left out stays as it is. */
  record SettingsChange(
      @Nullable String safetyAction,
      @Nullable Boolean thumbnails,
      @Nullable Boolean visionProvider) {}

  @GetMapping("/workspaces")
  List<WorkspaceResponse> list(Caller caller) {
    return workspaces.of(caller.person()).stream()
        .map(m -> response(m.workspace(), m.role()))
        .toList();
  }

  @PostMapping("/workspaces")
  ResponseEntity<WorkspaceResponse> create(Caller caller, @RequestBody NewWorkspace body) {
    Workspace workspace = workspaces.createTeam(body.name(), caller.person());
    return ResponseEntity.created(URI.create("/api/v1/workspaces/" + workspace.id()))
        .body(response(workspace, Role.OWNER));
  }

  @GetMapping("/workspaces/{id}")
  WorkspaceResponse get(Caller caller, @PathVariable UUID id) {
    Member member = workspaces.require(id, caller, Permission.VIEW);
    return response(workspaces.get(member), member.role());
  }

  @GetMapping("/workspaces/{id}/settings")
  WorkspaceSettings settings(Caller caller, @PathVariable UUID id) {
    return workspaces.settings(workspaces.require(id, caller, Permission.VIEW).workspaceId());
  }

  @PutMapping("/workspaces/{id}/settings")
  WorkspaceSettings changeSettings(
      Caller caller, @PathVariable UUID id, @RequestBody SettingsChange change) {
    Member manager = workspaces.require(id, caller, Permission.MANAGE_SETTINGS);
    WorkspaceSettings current = workspaces.settings(id);
    return workspaces.updateSettings(
        manager,
        new WorkspaceSettings(
            change.safetyAction() == null
                ? current.safetyAction()
                : SafetyAction.parse(change.safetyAction()),
            change.thumbnails() == null ? current.thumbnails() : change.thumbnails(),
            change.visionProvider() == null ? current.visionProvider() : change.visionProvider()));
  }

  @GetMapping("/workspaces/{id}/members")
  List<MemberView> members(Caller caller, @PathVariable UUID id) {
    return workspaces.members(workspaces.require(id, caller, Permission.VIEW));
  }

  @PutMapping("/workspaces/{id}/members/{userId}")
  ResponseEntity<Void> changeRole(
      Caller caller,
      @PathVariable UUID id,
      @PathVariable UUID userId,
      @RequestBody RoleChange body) {
    Member manager = workspaces.require(id, caller, Permission.MANAGE_MEMBERS);
    workspaces.changeRole(manager, userId, Role.parse(body.role()));
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/workspaces/{id}/members/{userId}")
  ResponseEntity<Void> remove(Caller caller, @PathVariable UUID id, @PathVariable UUID userId) {
    workspaces.remove(workspaces.require(id, caller, Permission.MANAGE_MEMBERS), userId);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/workspaces/{id}/leave")
  ResponseEntity<Void> leave(Caller caller, @PathVariable UUID id) {
    caller.person(); // a key acts within a membership; it never ends one
    workspaces.leave(workspaces.require(id, caller, Permission.VIEW));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/workspaces/{id}/transfer")
  ResponseEntity<Void> transfer(Caller caller, @PathVariable UUID id, @RequestBody Transfer body) {
    Member owner = workspaces.require(id, caller, Permission.TRANSFER_OWNERSHIP);
    if (body.userId() == null) {
      throw WorkspaceProblem.badRequest("userId (the new owner, a member) is required.");
    }
    workspaces.transfer(owner, body.userId());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/workspaces/{id}/invitations")
  ResponseEntity<InvitationResponse> invite(
      Caller caller, @PathVariable UUID id, @RequestBody NewInvitation body) {
    Member inviter = workspaces.require(id, caller, Permission.MANAGE_MEMBERS);
    Invitations.Invitation invitation =
        invitations.invite(
            inviter,
            caller.person(),
            body.email(),
            Role.parse(body.role() == null ? "member" : body.role()));
    return ResponseEntity.created(
            URI.create("/api/v1/workspaces/" + id + "/invitations/" + invitation.id()))
        .body(response(invitation));
  }

  @GetMapping("/workspaces/{id}/invitations")
  List<InvitationResponse> pending(Caller caller, @PathVariable UUID id) {
    return invitations.pending(workspaces.require(id, caller, Permission.MANAGE_MEMBERS)).stream()
        .map(WorkspaceController::response)
        .toList();
  }

  @DeleteMapping("/workspaces/{id}/invitations/{invitationId}")
  ResponseEntity<Void> revoke(
      Caller caller, @PathVariable UUID id, @PathVariable UUID invitationId) {
    invitations.revoke(workspaces.require(id, caller, Permission.MANAGE_MEMBERS), invitationId);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/invitations/accept")
  WorkspaceResponse accept(Caller caller, @RequestBody Acceptance body) {
    if (body.token() == null || body.token().isBlank()) {
      throw WorkspaceProblem.badRequest("token (from the invitation link) is required.");
    }
    UUID workspaceId = invitations.accept(body.token().strip(), caller.person());
    Member member = workspaces.require(workspaceId, caller, Permission.VIEW);
    return response(workspaces.get(member), member.role());
  }

  private static WorkspaceResponse response(Workspace workspace, Role role) {
    return new WorkspaceResponse(workspace.id(), workspace.name(), workspace.personal(), role);
  }

  private static InvitationResponse response(Invitations.Invitation invitation) {
    return new InvitationResponse(
        invitation.id(), invitation.email(), invitation.role(), invitation.expiresAt());
  }
}
