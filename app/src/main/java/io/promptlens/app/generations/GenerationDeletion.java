package io.promptlens.app.generations;

import io.promptlens.app.workspaces.Member;
import io.promptlens.app.workspaces.Permission;
import io.promptlens.app.workspaces.WorkspaceProblem;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting a history row: the generation leaves the history and lookups by id (404 afterwards), as
 * a library item does; library items and batch results that point at it keep their copy. Its author
 * or an admin/owner, with {@link Permission#CREATE}, as for library items.
 */
@Service
public class GenerationDeletion {

  private final GenerationRepository repository;
  private final Clock clock;

  GenerationDeletion(GenerationRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Transactional
  public void delete(Member member, UUID id) {
    if (!member.role().can(Permission.CREATE)) {
      throw WorkspaceProblem.forbidden(member.role(), Permission.CREATE);
    }
    UUID author =
        repository
            .authored(member.workspaceId(), id)
            .orElseThrow(() -> GenerationNotFoundException.of(id))
            .author();
    if (!member.mayChangeWorkOf(author)) {
      throw WorkspaceProblem.forbidden("Only the author or an admin deletes a history entry.");
    }
    repository.softDelete(member.workspaceId(), id, member.userId(), clock.instant());
  }
}
