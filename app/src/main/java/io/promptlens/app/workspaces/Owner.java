package io.promptlens.app.workspaces;

import java.util.UUID;

/** Where a stored row belongs and who made it; absent for the anonymous "try it" rows. */
public record Owner(UUID workspaceId, UUID userId) {

  public static Owner of(Member member) {
    return new Owner(member.workspaceId(), member.userId());
  }
}
