package io.promptlens.app.workspaces;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The caller's membership, checked: what {@link Workspaces#require} hands a controller. */
public record Member(UUID workspaceId, UUID userId, Role role) {

  /**
   * Whether this member may change what {@code author} made in the workspace (share, delete): the
   * author, or an admin or owner. The one place of the "author or admin" rule; creating rights
   * ({@link Permission#CREATE}) are checked beside it.
   */
  public boolean mayChangeWorkOf(@Nullable UUID author) {
    return userId.equals(author) || role.can(Permission.MANAGE_MEMBERS);
  }
}
