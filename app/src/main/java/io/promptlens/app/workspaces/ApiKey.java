package io.promptlens.app.workspaces;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A workspace API key as stored (never the key itself, only its SHA-256). {@code scope} is {@code
 * read} (VIEW) or {@code write} (VIEW and CREATE); a key never manages members, keys or ownership.
 */
public record ApiKey(
    UUID id,
    UUID workspaceId,
    UUID createdBy,
    String name,
    String prefix,
    String scope,
    Instant createdAt,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt)
    implements Serializable {

  public static final Set<String> SCOPES = Set.of("read", "write");

  /** The most a key of this scope may do: a write key as a member, a read key as a viewer. */
  public Role scopeRole() {
    return scope.equals("write") ? Role.MEMBER : Role.VIEWER;
  }

  public boolean allows(Permission permission) {
    return permission == Permission.VIEW
        || (permission == Permission.CREATE && scope.equals("write"));
  }
}
