package io.promptlens.app.workspaces;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Workspace failures as problem+json: 404 for what the caller may not know exists, 403, 409. */
public class WorkspaceProblem extends ErrorResponseException {

  private WorkspaceProblem(HttpStatus status, @Nullable String detail) {
    super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }

  /** Also the answer for a workspace that exists but the caller is not a member of. */
  public static WorkspaceProblem notFound(UUID workspaceId) {
    return new WorkspaceProblem(HttpStatus.NOT_FOUND, "No workspace with id " + workspaceId + ".");
  }

  public static WorkspaceProblem notFound(String what, UUID id) {
    return new WorkspaceProblem(
        HttpStatus.NOT_FOUND, "No " + what + " with id " + id + " in this workspace.");
  }

  public static WorkspaceProblem forbidden(Role role, Permission permission) {
    return new WorkspaceProblem(
        HttpStatus.FORBIDDEN,
        "Your role in this workspace ("
            + role.wireName()
            + ") does not allow this ("
            + permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + ").");
  }

  public static WorkspaceProblem conflict(String detail) {
    return new WorkspaceProblem(HttpStatus.CONFLICT, detail);
  }

  public static WorkspaceProblem badRequest(@Nullable String detail) {
    return new WorkspaceProblem(HttpStatus.BAD_REQUEST, detail);
  }

  public static WorkspaceProblem forbidden(String detail) {
    return new WorkspaceProblem(HttpStatus.FORBIDDEN, detail);
  }
}
