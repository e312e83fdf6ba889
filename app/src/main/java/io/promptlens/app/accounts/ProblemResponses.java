package io.promptlens.app.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 for the JSON API as problem+json, like every other API error. */
@Component
record ProblemResponses(JsonMapper json) {

  void unauthenticated(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "Sign in first (or send a workspace API key): this endpoint needs an account.");
  }

  void forbidden(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        denied instanceof CsrfException
            ? "The CSRF token is missing or wrong: send the page's token in the X-XSRF-TOKEN"
                + " header."
            : "You are not allowed to do this.");
  }

  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      @Nullable String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(java.net.URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(json.writeValueAsString(problem));
  }
}
