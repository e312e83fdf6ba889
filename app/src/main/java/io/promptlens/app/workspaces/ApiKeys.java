package io.promptlens.app.workspaces;

import io.promptlens.app.accounts.AccountTokens;
import io.promptlens.app.accounts.ApiCredentials;
import io.promptlens.app.system.MinuteWindows;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workspace API keys: {@code pl_} + 256 random bits, shown once; the database keeps the SHA-256 (a
 * key has full entropy, so a fast hash is enough). A key authenticates with {@code Authorization:
 * Bearer pl_…}; each use updates its last-used time and counts against a per-minute limit kept in
 * the database (fixed one-minute windows), so every instance enforces the same limit.
 */
@Service
class ApiKeys implements ApiCredentials {

  static final String PREFIX = "pl_";

  /** A new key: the stored record and, this once, the key itself. */
  record Created(ApiKey key, String secret) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final int perMinute;
  private static final java.time.Duration LAST_USED_PRECISION = java.time.Duration.ofMinutes(1);

  private final MinuteWindows windows;
  private final WorkspaceLimits limits;
  private final ApplicationEventPublisher events;

  ApiKeys(
      JdbcClient jdbc,
      Clock clock,
      @Value("${promptlens.api.requests-per-minute:120}") int perMinute,
      org.springframework.beans.factory.ObjectProvider<WorkspaceLimits> limits,
      ApplicationEventPublisher events) {
    this.limits = limits.getIfAvailable(() -> WorkspaceLimits.NONE);
    this.events = events;
    this.jdbc = jdbc;
    this.clock = clock;
    this.perMinute = perMinute;
    this.windows = new MinuteWindows(jdbc, "api_rate_windows", "key_id");
  }

  @Transactional
  Created create(Member member, @Nullable String name, @Nullable String scope) {
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > 100) {
      throw WorkspaceProblem.badRequest("A key name of 1 to 100 characters is required.");
    }
    String wanted = scope == null ? "read" : scope.strip().toLowerCase(Locale.ROOT);
    if (!ApiKey.SCOPES.contains(wanted)) {
      throw WorkspaceProblem.badRequest("Unknown scope '" + scope + "': use read or write.");
    }
    limits.checkApiKeys(member.workspaceId());
    String secret = PREFIX + AccountTokens.newToken();
    ApiKey key =
        new ApiKey(
            UUID.randomUUID(),
            member.workspaceId(),
            member.userId(),
            label,
            secret.substring(0, 9),
            wanted,
            now(),
            null,
            null);
    jdbc.sql(
            """
            INSERT INTO api_keys (id, workspace_id, created_by, name, prefix, key_hash, scope,
                created_at)
            VALUES (:id, :ws, :by, :name, :prefix, :hash, :scope, :createdAt)
            """)
        .param("id", key.id())
        .param("ws", key.workspaceId())
        .param("by", key.createdBy())
        .param("name", key.name())
        .param("prefix", key.prefix())
        .param("hash", AccountTokens.hash(secret))
        .param("scope", key.scope())
        .param("createdAt", WorkspaceRepository.at(key.createdAt()))
        .update();
    events.publishEvent(
        new WorkspaceEvents.ApiKeyCreated(key.id(), key.workspaceId(), key.createdBy()));
    return new Created(key, secret);
  }

  @Transactional(readOnly = true)
  List<ApiKey> list(Member member) {
    return jdbc.sql(SELECT + " WHERE workspace_id = :ws ORDER BY created_at, id")
        .param("ws", member.workspaceId())
        .query(ApiKeys::map)
        .list();
  }

  @Transactional
  void revoke(Member member, UUID id) {
    if (WorkspaceRepository.revoke(jdbc, "api_keys", "revoked_at IS NULL", member, id, now())
        == 0) {
      throw WorkspaceProblem.notFound("active API key", id);
    }
  }

  @Override
  public @Nullable Authentication authenticate(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String secret = header.substring(7).strip();
    if (!secret.startsWith(PREFIX)) {
      throw new BadCredentialsException("The Authorization header does not hold a PromptLens key.");
    }
    ApiKey key =
        jdbc.sql(
                SELECT
                    + """
                     WHERE key_hash = :hash AND revoked_at IS NULL
                       AND EXISTS (SELECT 1 FROM memberships m
                                   WHERE m.workspace_id = api_keys.workspace_id
                                     AND m.user_id = api_keys.created_by)
                    """)
            .param("hash", AccountTokens.hash(secret))
            .query(ApiKeys::map)
            .optional()
            .orElseThrow(
                () -> new BadCredentialsException("This API key is wrong or was revoked."));
    Instant now = clock.instant();
    countRequest(key.id(), now);
    // "Last used" to the minute: writing the key's row at every request queued all of a key's
    // requests on that row. The connection log hears of a key's use as often (once a minute).
    if (key.lastUsedAt() == null || !now.isBefore(key.lastUsedAt().plus(LAST_USED_PRECISION))) {
      jdbc.sql("UPDATE api_keys SET last_used_at = :now WHERE id = :id")
          .param("now", WorkspaceRepository.at(now.truncatedTo(ChronoUnit.MICROS)))
          .param("id", key.id())
          .update();
      events.publishEvent(new WorkspaceEvents.ApiKeyUsed(key.id(), key.createdBy()));
    }
    return new KeyAuthentication(key);
  }

  /**
   * @throws ApiCredentials.RateLimited once the key has made {@code perMinute} requests this minute
   */
  private void countRequest(UUID keyId, Instant now) {
    if (windows.count(keyId, now) > perMinute) {
      throw new ApiCredentials.RateLimited(MinuteWindows.untilNextWindow(now));
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static final String SELECT =
      """
      SELECT id, workspace_id, created_by, name, prefix, scope, created_at, last_used_at,
          revoked_at
      FROM api_keys
      """;

  private static ApiKey map(ResultSet row, int number) throws SQLException {
    return new ApiKey(
        row.getObject("id", UUID.class),
        row.getObject("workspace_id", UUID.class),
        row.getObject("created_by", UUID.class),
        row.getString("name"),
        row.getString("prefix"),
        row.getString("scope"),
        row.getObject("created_at", OffsetDateTime.class).toInstant(),
        instant(row.getObject("last_used_at", OffsetDateTime.class)),
        instant(row.getObject("revoked_at", OffsetDateTime.class)));
  }

  private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  /** The request's authentication for a key; its name scopes idempotency records. */
  static final class KeyAuthentication extends AbstractAuthenticationToken {
    private final ApiKey key;

    KeyAuthentication(ApiKey key) {
      super(List.of());
      this.key = key;
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return "";
    }

    @Override
    public Object getPrincipal() {
      return key;
    }

    @Override
    public String getName() {
      return "key:" + key.id();
    }
  }
}
