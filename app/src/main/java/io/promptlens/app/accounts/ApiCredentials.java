package io.promptlens.app.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * Authenticates a machine caller of the JSON API from a request header (workspace API keys live in
 * the workspaces feature, which implements this). Such a request carries no cookie, needs no CSRF
 * token and creates no session.
 */
public interface ApiCredentials {

  /**
   * @return null when the request carries no credential of this kind
   * @throws org.springframework.security.authentication.BadCredentialsException for a wrong,
   *     revoked or malformed credential
   * @throws RateLimited when the credential has used up its requests for now
   */
  @Nullable Authentication authenticate(HttpServletRequest request);

  /** Too many requests: answered 429 with {@code Retry-After}. */
  final class RateLimited extends RuntimeException {
    private final Duration retryAfter;

    public RateLimited(Duration retryAfter) {
      super("rate limit reached");
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }
}
