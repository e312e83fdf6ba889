package io.promptlens.app.workspaces;

import io.promptlens.app.accounts.AccountUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Who is calling a workspace endpoint: a signed-in person or a workspace API key. Controllers take
 * it as a parameter ({@link CallerResolver}) and hand it to {@link Workspaces#require}.
 */
public sealed interface Caller {

  record Person(AccountUser user) implements Caller {}

  record Key(ApiKey key) implements Caller {}

  /**
   * @throws ErrorResponseException 403 for an API key: this endpoint acts for a person
   */
  default AccountUser person() {
    if (this instanceof Person person) {
      return person.user();
    }
    throw new ErrorResponseException(
        HttpStatus.FORBIDDEN,
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN,
            "API keys cannot do this: it acts for a person. Sign in to the web app instead."),
        null);
  }
}
