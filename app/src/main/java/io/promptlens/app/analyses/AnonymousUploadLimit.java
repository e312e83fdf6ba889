package io.promptlens.app.analyses;

import io.promptlens.app.accounts.AccountTokens;
import io.promptlens.app.system.MinuteWindows;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A per-minute and a per-day limit on uploads by callers with neither an account nor a key (the two
 * anonymous upload endpoints), counted per client address in the database so every instance shares
 * it. The per-day limit is what keeps the free "try it" flow free: past it the answer points to
 * signing up. Signed-in people and keys pay in credits instead. The address is the proxy's
 * X-Forwarded-For only when the proxy is trusted (server.tomcat.remoteip.internal-proxies).
 */
class AnonymousUploadLimit extends OncePerRequestFilter {

  static final Set<String> PATHS = Set.of("/api/v1/analyses", "/api/v1/prompts");

  private final MinuteWindows windows;
  private final MinuteWindows days;
  private final Clock clock;
  private final int perMinute;
  private final int perDay;

  AnonymousUploadLimit(JdbcClient jdbc, Clock clock, int perMinute, int perDay) {
    this.windows = new MinuteWindows(jdbc, "anonymous_rate_windows", "client_hash");
    this.days =
        new MinuteWindows(jdbc, "anonymous_daily_windows", "client_hash", Duration.ofDays(1));
    this.clock = clock;
    this.perMinute = perMinute;
    this.perDay = perDay;
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
      String client = AccountTokens.hash(request.getRemoteAddr());
      if (windows.count(client, now) > perMinute) {
        long seconds = MinuteWindows.untilNextWindow(now).toSeconds();
        tooMany(
            response,
            seconds,
            "\"detail\":\"Too many uploads without an account from this address. Retry after "
                + seconds
                + " seconds, or sign in or use an API key.\"}");
        return;
      }
      if (days.count(client, now) > perDay) {
        long seconds = days.untilNext(now).toSeconds();
        tooMany(
            response,
            seconds,
            "\"detail\":\"The free try-it limit of "
                + perDay
                + " a day from this address is used up. Sign up for a free account (free credits"
                + " every month) at /sign-up, or retry after "
                + seconds
                + " seconds.\",\"signUp\":\"/sign-up\"}");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** A 429 problem whose {@code rest} goes on from the title and status with the detail. */
  private static void tooMany(HttpServletResponse response, long seconds, String rest)
      throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType("application/problem+json");
    response.getWriter().write("{\"title\":\"Too Many Requests\",\"status\":429," + rest);
  }
}
