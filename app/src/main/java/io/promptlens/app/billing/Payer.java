package io.promptlens.app.billing;

import io.promptlens.app.workspaces.Caller;
import io.promptlens.app.workspaces.Member;
import io.promptlens.app.workspaces.Owner;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Whose credits pay, and who caused the charge: the workspace, the member, and the API key when a
 * key made the call. Each becomes a column of the ledger row.
 */
public record Payer(UUID workspaceId, UUID userId, @Nullable UUID apiKeyId) {

  /** The member {@code Workspaces.require} returned for {@code caller}. */
  public static Payer of(Member member, Caller caller) {
    return new Payer(
        member.workspaceId(),
        member.userId(),
        caller instanceof Caller.Key key ? key.key().id() : null);
  }

  public Owner owner() {
    return new Owner(workspaceId, userId);
  }
}
