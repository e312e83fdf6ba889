package io.promptlens.app.workspaces;

import java.util.UUID;

/**
 * What happens to keys and roles, for whoever keeps a record of it (the privacy feature's
 * connection logs). Published synchronously, inside the request that caused it.
 */
public final class WorkspaceEvents {

  private WorkspaceEvents() {}

  public record ApiKeyCreated(UUID keyId, UUID workspaceId, UUID createdBy) {}

  /** A request authenticated with this key. */
  public record ApiKeyUsed(UUID keyId, UUID createdBy) {}

  /** {@code userId}'s role in the workspace is now {@code role} (ownership transfers too). */
  public record RoleChanged(UUID workspaceId, UUID userId, Role role, UUID changedBy) {}
}
