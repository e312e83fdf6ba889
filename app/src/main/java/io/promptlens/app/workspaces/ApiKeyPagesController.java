package io.promptlens.app.workspaces;

import io.promptlens.app.accounts.AccountUser;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The API keys page (owners and admins): create (the key is shown on this one answer), revoke. */
@Controller
record ApiKeyPagesController(Workspaces workspaces, ApiKeys keys, WorkspacePages pages) {

  @GetMapping("/workspaces/{workspaceId}/api-keys")
  String list(
      @AuthenticationPrincipal AccountUser user, @PathVariable UUID workspaceId, Model model) {
    Member member = pages.open(user, workspaceId, Permission.MANAGE_KEYS, model);
    model.addAttribute("keys", keys.list(member));
    return "workspaces/api-keys";
  }

  /** Rendered, not redirected: the new key must not travel in a URL or be stored to show later. */
  @PostMapping("/workspaces/{workspaceId}/api-keys")
  String create(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @RequestParam String name,
      @RequestParam String scope,
      Model model) {
    Member member = workspaces.require(workspaceId, user, Permission.MANAGE_KEYS);
    model.addAttribute("created", keys.create(member, name, scope).secret());
    return list(user, workspaceId, model);
  }

  @PostMapping("/workspaces/{workspaceId}/api-keys/{id}/revoke")
  String revoke(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id) {
    keys.revoke(workspaces.require(workspaceId, user, Permission.MANAGE_KEYS), id);
    return "redirect:/workspaces/" + workspaceId + "/api-keys";
  }
}
