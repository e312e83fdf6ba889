package io.promptlens.app.generations;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A generation id that is not stored where the caller looked; answered as 404. */
class GenerationNotFoundException extends ErrorResponseException {

  private GenerationNotFoundException(UUID id) {
    super(
        HttpStatus.NOT_FOUND,
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No generation with id " + id + "."),
        null);
  }

  static GenerationNotFoundException of(UUID id) {
    return new GenerationNotFoundException(id);
  }
}
