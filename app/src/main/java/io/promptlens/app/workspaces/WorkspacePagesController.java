package io.promptlens.app.workspaces;

import io.promptlens.app.accounts.AccountUser;
import io.promptlens.app.system.ProviderProperties;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Workspace pages: the list (with "new team"), one workspace's members and invitations. */
@Controller
record WorkspacePagesController(
    Workspaces workspaces,
    Invitations invitations,
    ProviderProperties provider,
    WorkspacePages pages) {

  @GetMapping("/workspaces")
  String list(@AuthenticationPrincipal AccountUser user, Model model) {
    model.addAttribute("memberships", workspaces.of(user));
    return "workspaces/list";
  }

  @PostMapping("/workspaces")
  String create(@AuthenticationPrincipal AccountUser user, @RequestParam String name) {
    return "redirect:/workspaces/" + workspaces.createTeam(name, user).id();
  }

  @GetMapping("/workspaces/{id}")
  String show(@AuthenticationPrincipal AccountUser user, @PathVariable UUID id, Model model) {
    Member member = pages.open(user, id, Permission.VIEW, model);
    model.addAttribute("me", member);
    model.addAttribute("members", workspaces.members(member));
    model.addAttribute("canManage", member.role().can(Permission.MANAGE_MEMBERS));
    model.addAttribute(
        "invitations",
        member.role().can(Permission.MANAGE_MEMBERS)
            ? invitations.pending(member)
            : java.util.List.of());
    model.addAttribute("roles", java.util.List.of(Role.ADMIN, Role.MEMBER, Role.VIEWER));
    model.addAttribute(
        "canTransfer",
        member.role().can(Permission.TRANSFER_OWNERSHIP) && !workspaces.get(member).personal());
    model.addAttribute("canSettings", member.role().can(Permission.MANAGE_SETTINGS));
    model.addAttribute("settings", workspaces.settings(id));
    model.addAttribute("safetyActions", SafetyAction.values());
    model.addAttribute(
        "providerName",
        provider.kind() == null || provider.kind().isBlank() ? null : provider.kind());
    return "workspaces/show";
  }

  @PostMapping("/workspaces/{id}/invitations")
  String invite(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID id,
      @RequestParam String email,
      @RequestParam String role) {
    invitations.invite(
        workspaces.require(id, user, Permission.MANAGE_MEMBERS), user, email, Role.parse(role));
    return "redirect:/workspaces/" + id + "?invited";
  }

  @PostMapping("/workspaces/{id}/settings")
  String settings(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID id,
      @RequestParam String safetyAction,
      @RequestParam(defaultValue = "false") boolean thumbnails,
      @RequestParam(defaultValue = "false") boolean visionProvider) {
    workspaces.updateSettings(
        workspaces.require(id, user, Permission.MANAGE_SETTINGS),
        new WorkspaceSettings(SafetyAction.parse(safetyAction), thumbnails, visionProvider));
    return "redirect:/workspaces/" + id + "?saved";
  }

  @PostMapping("/workspaces/{id}/members/{userId}/remove")
  String remove(
      @AuthenticationPrincipal AccountUser user, @PathVariable UUID id, @PathVariable UUID userId) {
    workspaces.remove(workspaces.require(id, user, Permission.MANAGE_MEMBERS), userId);
    return "redirect:/workspaces/" + id + "?removed";
  }

  @PostMapping("/workspaces/{id}/transfer")
  String transfer(
      @AuthenticationPrincipal AccountUser user, @PathVariable UUID id, @RequestParam UUID userId) {
    workspaces.transfer(workspaces.require(id, user, Permission.TRANSFER_OWNERSHIP), userId);
    return "redirect:/workspaces/" + id + "?transferred";
  }

  @PostMapping("/workspaces/{id}/leave")
  String leave(@AuthenticationPrincipal AccountUser user, @PathVariable UUID id) {
    workspaces.leave(workspaces.require(id, user, Permission.VIEW));
    return "redirect:/workspaces?left";
  }

  @PostMapping("/workspaces/{id}/members/{userId}/role")
  String changeRole(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID id,
      @PathVariable UUID userId,
      @RequestParam String role) {
    workspaces.changeRole(
        workspaces.require(id, user, Permission.MANAGE_MEMBERS), userId, Role.parse(role));
    return "redirect:/workspaces/" + id;
  }
}
