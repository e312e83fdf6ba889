package io.promptlens.app.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outermost filter: a lost database seen <em>before</em> any controller (Spring Session loading
 * the session, remember-me looking up its token, an API key being checked, an idempotency record)
 * is answered like one seen in a controller ({@link ApiExceptionHandler}): 503 with {@code
 * Retry-After}, not a 500 from the container. The pool reconnects by itself when the database is
 * back.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  private final JsonMapper json;

  DatabaseUnavailableFilter(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException failure) {
      if (!databaseUnavailable(failure) || response.isCommitted()) {
        throw failure;
      }
      log.warn("Database unavailable before a controller: {}", failure.getMessage());
      response.reset();
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE,
              "Our database is unavailable for a moment; nothing was saved. Retry shortly.");
      problem.setInstance(java.net.URI.create(request.getRequestURI()));
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, "5");
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(json.writeValueAsString(problem));
    }
  }

  /** The failure, or anything that caused it, says the database cannot be reached. */
  static boolean databaseUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException
          || t instanceof TransientDataAccessException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          // SQLSTATE class 08, "connection exception" in the SQL standard: what a driver reports
          // for a connection that broke under it (PostgreSQL's 08006), whatever wraps it.
          || (t instanceof java.sql.SQLException sql
              && sql.getSQLState() != null
              && sql.getSQLState().startsWith("08"))) {
        return true;
      }
      // A query that failed on a broken connection, then a rollback that failed on it too: Spring
      // throws the rollback's failure and keeps the query's as the "application exception".
      if (t instanceof org.springframework.transaction.TransactionSystemException rollback
          && rollback.getApplicationException() != null
          && rollback.getApplicationException() != failure
          && databaseUnavailable(rollback.getApplicationException())) {
        return true;
      }
    }
    return false;
  }
}
