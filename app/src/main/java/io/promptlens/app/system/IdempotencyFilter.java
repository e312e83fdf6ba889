package io.promptlens.app.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Honours {@code Idempotency-Key} on API POSTs by a signed-in person or an API key: the first
 * answer (any status below 500) is stored with a hash of the request and replayed for a repeat
 * within 24 hours, so a retried "generate" never stores twice. The same key with a different
 * request is a 422; a repeat while the first is still running is a 409. Records live in the
 * database (every instance sees them) and are scoped to the caller. Anonymous requests ignore the
 * header: there is no caller to scope a record to. Registered after Spring Security's filters
 * ({@link ApiFilterConfiguration}), so the caller is known.
 */
class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final Duration KEPT = Duration.ofHours(24);

  /** A claim older than this is from a request that died; it no longer blocks a retry. */
  static final Duration ABANDONED = Duration.ofMinutes(2);

  private record Stored(
      String hash, int status, String contentType, String location, String body) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  IdempotencyFilter(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || request.getHeader(HEADER) == null
        || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller == null
        || caller instanceof AnonymousAuthenticationToken
        || !caller.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    String key = request.getHeader(HEADER).strip();
    if (key.isEmpty() || key.length() > 200) {
      problem(response, HttpStatus.BAD_REQUEST, "Idempotency-Key must be 1 to 200 characters.");
      return;
    }
    String scope = caller.getName();
    byte[] body = null;
    String hash;
    MessageDigest digest = sha256();
    digest.update(
        (request.getRequestURI() + "?" + request.getQueryString() + "\n")
            .getBytes(StandardCharsets.UTF_8));
    String contentType = request.getContentType();
    if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
      java.util.Collection<Part> parts;
      try {
        parts = request.getParts();
      } catch (IllegalStateException | ServletException | IOException unreadable) {
        // Over the size limit or malformed: the normal path answers that (413, 400).
        chain.doFilter(request, response);
        return;
      }
      for (Part part : parts) {
        digest.update(part.getName().getBytes(StandardCharsets.UTF_8));
        // Streamed through the digest: a batch upload's part may be hundreds of megabytes.
        try (InputStream in = new java.security.DigestInputStream(part.getInputStream(), digest)) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
    } else {
      body = StreamUtils.copyToByteArray(request.getInputStream());
      digest.update(body);
    }
    hash = HexFormat.of().formatHex(digest.digest());

    Optional<Stored> stored = find(scope, key);
    if (stored.isPresent()) {
      replayOrRefuse(stored.get(), hash, response);
      return;
    }
    try {
      claim(scope, key, hash);
    } catch (DuplicateKeyException raced) {
      find(scope, key)
          .ifPresentOrElse(
              s -> replayOrRefuse(s, hash, response),
              () -> problem(response, HttpStatus.CONFLICT, "Retry the request."));
      return;
    }
    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
    HttpServletRequest replayable = body == null ? request : new Replay(request, body);
    boolean done = false;
    try {
      chain.doFilter(replayable, recorded);
      if (recorded.getStatus() < 500) {
        complete(scope, key, recorded);
        done = true;
      }
    } finally {
      if (!done) {
        release(scope, key);
      }
      recorded.copyBodyToResponse();
    }
  }

  private void replayOrRefuse(Stored stored, String hash, HttpServletResponse response) {
    if (!stored.hash().equals(hash)) {
      problem(
          response,
          HttpStatus.UNPROCESSABLE_CONTENT,
          "This Idempotency-Key was used for a different request. Use a new key for a new"
              + " request.");
    } else if (stored.status() == 0) {
      problem(
          response,
          HttpStatus.CONFLICT,
          "A request with this Idempotency-Key is still running. Retry in a moment.");
    } else {
      response.setStatus(stored.status());
      if (stored.contentType() != null) {
        response.setContentType(stored.contentType());
      }
      if (stored.location() != null) {
        response.setHeader("Location", stored.location());
      }
      response.setHeader("Idempotent-Replayed", "true");
      try {
        response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private Optional<Stored> find(String scope, String key) {
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    // Expired records and abandoned claims are removed before looking.
    jdbc.sql(
            """
            DELETE FROM idempotency_records WHERE caller = :caller AND idempotency_key = :key
              AND (created_at < :expired OR (status = 0 AND created_at < :abandoned))
            """)
        .param("caller", scope)
        .param("key", key)
        .param("expired", now.minus(KEPT))
        .param("abandoned", now.minus(ABANDONED))
        .update();
    return jdbc.sql(
            """
            SELECT request_hash, status, content_type, location, body FROM idempotency_records
            WHERE caller = :caller AND idempotency_key = :key
            """)
        .param("caller", scope)
        .param("key", key)
        .query(
            (row, n) ->
                new Stored(
                    row.getString("request_hash"),
                    row.getInt("status"),
                    row.getString("content_type"),
                    row.getString("location"),
                    row.getString("body")))
        .optional();
  }

  private void claim(String scope, String key, String hash) {
    jdbc.sql(
            """
            INSERT INTO idempotency_records (caller, idempotency_key, request_hash, status,
                created_at)
            VALUES (:caller, :key, :hash, 0, :now)
            """)
        .param("caller", scope)
        .param("key", key)
        .param("hash", hash)
        .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
        .update();
  }

  private void complete(String scope, String key, ContentCachingResponseWrapper response) {
    jdbc.sql(
            """
            UPDATE idempotency_records SET status = :status, content_type = :type,
                location = :location, body = :body
            WHERE caller = :caller AND idempotency_key = :key
            """)
        .param("status", response.getStatus())
        .param("type", response.getContentType())
        .param("location", response.getHeader("Location"))
        .param("body", new String(response.getContentAsByteArray(), StandardCharsets.UTF_8))
        .param("caller", scope)
        .param("key", key)
        .update();
  }

  private void release(String scope, String key) {
    jdbc.sql("DELETE FROM idempotency_records WHERE caller = :caller AND idempotency_key = :key")
        .param("caller", scope)
        .param("key", key)
        .update();
  }

  private void problem(HttpServletResponse response, HttpStatus status, String detail) {
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    try {
      response
          .getOutputStream()
          .write(
              json.writeValueAsString(ProblemDetail.forStatusAndDetail(status, detail))
                  .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The request with its body read once and served again from memory. */
  private static final class Replay extends HttpServletRequestWrapper {
    private final byte[] body;

    Replay(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public jakarta.servlet.ServletInputStream getInputStream() {
      java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
      return new jakarta.servlet.ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(jakarta.servlet.ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
