package io.promptlens.app.generations;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A generation id that is not stored where the caller looked; answered as 404. */
class GenerationNotFoundException extends ErrorResponseException {

  private GenerationNotFoundException(String detail) {
    super(
        HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
  }

  static GenerationNotFoundException of(UUID id) {
    return new GenerationNotFoundException("No generation with id " + id + ".");
  }

  /** No such generation here, or its workspace did not keep thumbnails when it was made. */
  static GenerationNotFoundException thumbnail(UUID id) {
    return new GenerationNotFoundException(
        "No thumbnail for generation "
            + id
            + " (thumbnails are kept only when the workspace"
            + " turned them on before the prompt was made).");
  }
}
