package io.promptlens.app.privacy;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The privacy feature's refusals, answered as problem+json by the app's exception handler. */
final class PrivacyProblem {

  private PrivacyProblem() {}

  static ErrorResponseException of(HttpStatus status, String detail) {
    return of(status, detail, Map.of());
  }

  static ErrorResponseException of(HttpStatus status, String detail, Map<String, ?> properties) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    properties.forEach(problem::setProperty);
    return new ErrorResponseException(status, problem, null);
  }

  static ErrorResponseException keysHaveNoAccount() {
    return of(HttpStatus.FORBIDDEN, "API keys have no account: this endpoint is for people.");
  }

  static final String RESTRICTED =
      "Processing is restricted for this account at your request: nothing is analysed, generated"
          + " or charged while it is. Lift the restriction on your account page (/account) or with"
          + " PUT /api/v1/me/restriction and {\"restricted\": false}.";
}
