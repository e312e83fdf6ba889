package io.promptlens.app.accounts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the signed-in caller is. */
@RestController
class MeController {

  record Me(UUID id, String email, String firstName, String lastName) {}

  @GetMapping("/api/v1/me")
  Me me(@AuthenticationPrincipal @Nullable AccountUser user) {
    if (user == null) {
      // Authenticated, but not as a person: an API key.
      throw new ErrorResponseException(
          HttpStatus.FORBIDDEN,
          ProblemDetail.forStatusAndDetail(
              HttpStatus.FORBIDDEN, "API keys have no account: this endpoint is for people."),
          null);
    }
    return new Me(user.id(), user.email(), user.firstName(), user.lastName());
  }
}
