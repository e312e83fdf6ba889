package io.promptlens.app.workspaces;

import java.util.UUID;

/** The caller's membership, checked: what {@link Workspaces#require} hands a controller. */
public record Member(UUID workspaceId, UUID userId, Role role) {}
