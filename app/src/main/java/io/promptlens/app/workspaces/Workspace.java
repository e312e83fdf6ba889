package io.promptlens.app.workspaces;

import java.time.Instant;
import java.util.UUID;

/** A workspace; {@code personal} ones are created at sign-up and cannot take other members. */
public record Workspace(UUID id, String name, boolean personal, Instant createdAt) {}
