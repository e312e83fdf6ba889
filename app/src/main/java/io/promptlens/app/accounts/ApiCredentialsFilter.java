package io.promptlens.app.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs the {@link ApiCredentials} on {@code /api/**} requests. A recognised credential becomes the
 * request's authentication (never stored in a session); a wrong one is a 401 problem, a caller over
 * its rate limit a 429 problem with {@code Retry-After}.
 */
class ApiCredentialsFilter extends OncePerRequestFilter {

  private final List<ApiCredentials> credentials;
  private final ProblemResponses problems;

  ApiCredentialsFilter(List<ApiCredentials> credentials, ProblemResponses problems) {
    this.credentials = credentials;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (ApiCredentials credential : credentials) {
      Authentication authentication;
      try {
        authentication = credential.authenticate(request);
      } catch (AuthenticationException e) {
        problems.write(request, response, HttpStatus.UNAUTHORIZED, e.getMessage());
        return;
      } catch (ApiCredentials.RateLimited e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        response.setHeader("Retry-After", Long.toString(seconds));
        problems.write(
            request,
            response,
            HttpStatus.TOO_MANY_REQUESTS,
            "This API key has used up its requests for this minute. Retry after "
                + seconds
                + " seconds.");
        return;
      }
      if (authentication != null) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        break;
      }
    }
    chain.doFilter(request, response);
  }
}
