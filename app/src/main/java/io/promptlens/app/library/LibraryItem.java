package io.promptlens.app.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A saved prompt at its latest version, as the caller sees it ({@code favourite} is theirs).
 * Private to its author until {@code sharedAt} is set.
 */
record LibraryItem(
    UUID id,
    UUID workspaceId,
    @Nullable UUID collectionId,
    @Nullable UUID generationId,
    UUID createdBy,
    Instant createdAt,
    @Nullable Instant sharedAt,
    Version current,
    List<String> tags,
    boolean favourite) {

  /** One version of the text; versions are never changed, only added. */
  record Version(
      int version,
      String title,
      String prompt,
      @Nullable String negativePrompt,
      String target,
      String mode,
      @Nullable String note,
      UUID editedBy,
      Instant editedAt) {}

  public boolean shared() {
    return sharedAt != null;
  }
}
