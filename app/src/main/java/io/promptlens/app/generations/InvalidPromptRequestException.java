package io.promptlens.app.generations;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A prompt request with a value the user must fix; the message says which and how. */
class InvalidPromptRequestException extends ErrorResponseException {

  InvalidPromptRequestException(@Nullable String detail) {
    super(
        HttpStatus.BAD_REQUEST,
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail),
        null);
  }
}
