package io.promptlens.app.analyses;

import io.promptlens.app.accounts.AccountTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A per-minute limit on uploads by callers with neither an account nor a key (the two anonymous
 * upload endpoints), counted per client address in the database so every instance shares it.
 * Signed-in people and keys have their own limits. The address is the proxy's X-Forwarded-For only
 * when the proxy is trusted (server.tomcat.remoteip.internal-proxies).
 */
class AnonymousUploadLimit extends OncePerRequestFilter {

  static final Set<String> PATHS = Set.of("/api/v1/analyses", "/api/v1/prompts");

  private final JdbcClient jdbc;
  private final Clock clock;
  private final int perMinute;

  AnonymousUploadLimit(JdbcClient jdbc, Clock clock, int perMinute) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.perMinute = perMinute;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !PATHS.contains(request.getRequestURI().substring(request.getContextPath().length()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    boolean anonymous =
        caller == null
            || caller instanceof AnonymousAuthenticationToken
            || !caller.isAuthenticated();
    if (anonymous) {
      Instant now = clock.instant();
      Instant window = now.truncatedTo(ChronoUnit.MINUTES);
      if (count(AccountTokens.hash(request.getRemoteAddr()), at(window)) > perMinute) {
        long seconds = Math.max(1, 60 - (now.getEpochSecond() - window.getEpochSecond()));
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("application/problem+json");
        response
            .getWriter()
            .write(
                "{\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"Too many uploads"
                    + " without an account from this address. Retry after "
                    + seconds
                    + " seconds, or sign in or use an API key.\"}");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private int count(String client, OffsetDateTime window) {
    if (increment(client, window) == 0) {
      try {
        jdbc.sql(
                "INSERT INTO anonymous_rate_windows (client_hash, window_start, requests)"
                    + " VALUES (:client, :start, 1)")
            .param("client", client)
            .param("start", window)
            .update();
      } catch (DuplicateKeyException raced) {
        increment(client, window);
      }
    }
    return jdbc.sql(
            "SELECT requests FROM anonymous_rate_windows"
                + " WHERE client_hash = :client AND window_start = :start")
        .param("client", client)
        .param("start", window)
        .query(Integer.class)
        .single();
  }

  private int increment(String client, OffsetDateTime window) {
    return jdbc.sql(
            "UPDATE anonymous_rate_windows SET requests = requests + 1"
                + " WHERE client_hash = :client AND window_start = :start")
        .param("client", client)
        .param("start", window)
        .update();
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
