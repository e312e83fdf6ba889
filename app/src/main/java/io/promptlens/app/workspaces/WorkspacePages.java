package io.promptlens.app.workspaces;

import io.promptlens.app.accounts.AccountUser;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * How every page of one workspace opens: the signed-in user must hold the page's permission in the
 * path's workspace (the same {@link Workspaces#require} gate as the API), and the model gets what
 * the pages' shared parts read: the {@code workspace} and whether the user may create in it ({@code
 * canCreate}, which the history, preset and batch pages use to show their forms).
 */
@Component
public record WorkspacePages(Workspaces workspaces) {

  /** The user's membership, after the permission check and with the model filled. */
  public Member open(AccountUser user, UUID workspaceId, Permission permission, Model model) {
    Member member = workspaces.require(workspaceId, user, permission);
    model.addAttribute("workspace", workspaces.get(member));
    model.addAttribute("canCreate", member.role().can(Permission.CREATE));
    return member;
  }
}
