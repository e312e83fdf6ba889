package io.promptlens.app.generations;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One generation in a workspace's history, with who made it and whether a thumbnail was kept (only
 * in workspaces that opted in).
 */
public record HistoryEntry(
    Generation generation,
    @Nullable UUID createdBy,
    @Nullable String createdByName,
    boolean thumbnail) {}
