package io.promptlens.app.batches;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A batch upload or option the app will not take; answered 400 (or 413) with the reason. */
class BatchRequestException extends ErrorResponseException {

  BatchRequestException(@Nullable String detail) {
    this(HttpStatus.BAD_REQUEST, detail);
  }

  BatchRequestException(HttpStatus status, @Nullable String detail) {
    super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
