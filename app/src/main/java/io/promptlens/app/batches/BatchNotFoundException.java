package io.promptlens.app.batches;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No such batch in this workspace; 404 (another workspace's batch does not exist for you). */
class BatchNotFoundException extends ErrorResponseException {

  BatchNotFoundException(UUID id) {
    super(
        HttpStatus.NOT_FOUND,
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No batch " + id + " here."),
        null);
  }
}
