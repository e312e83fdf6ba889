package io.promptlens.app.analyses;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An analysis id that is well-formed but not stored; answered as a 404 problem. */
public class AnalysisNotFoundException extends ErrorResponseException {

  public AnalysisNotFoundException(UUID id) {
    super(
        HttpStatus.NOT_FOUND,
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "No analysis with id " + id + ". Upload the image again to analyse it."),
        null);
  }
}
