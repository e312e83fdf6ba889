package io.promptlens.app.generations;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One generation in a workspace's history, with who made it. */
public record HistoryEntry(
    Generation generation, @Nullable UUID createdBy, @Nullable String createdByName) {}
