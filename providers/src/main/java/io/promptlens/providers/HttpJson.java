package io.promptlens.providers;

import io.promptlens.providers.ProviderException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs JSON to one provider with the timeout, retry and error rules every provider shares:
 *
 * <ul>
 *   <li>each exchange must complete within the config's timeout, else {@code TIMEOUT} (not retried:
 *       a model that was too slow once will be again; raise the timeout instead);
 *   <li>429, 408 and 5xx are retried up to {@code maxRetries} times, waiting what the server asked
 *       ({@link RetryAfter}) or else {@value #INITIAL_BACKOFF_MS} ms doubling up to {@value
 *       #MAX_BACKOFF_MS} ms, plus up to 25 % jitter; a requested wait over {@value
 *       #MAX_RETRY_AFTER_S} s is not sat out but reported;
 *   <li>an exhausted quota or spend cap is never retried, whatever its status, because no wait
 *       within a call cures it ({@link #quotaExhausted}): OpenAI's {@code insufficient_quota},
 *       Anthropic's "specified API usage limits" and low credit balance, Gemini's per-day quota
 *       ({@code QuotaFailure} with a {@code PerDay} quota id);
 *   <li>400, 401, 403, 404 and 422 fail at once with a one-line message;
 *   <li>a connection reset is retried like a 5xx; a refused connection is not.
 * </ul>
 *
 * <p>Messages never contain the key: 401/403 bodies are not quoted at all (OpenAI's echoes part of
 * the key), other bodies' messages are cut to one line and scrubbed of the key. Nothing is logged.
 * Thread-safe.
 */
final class HttpJson {

  static final long INITIAL_BACKOFF_MS = 500;
  static final long MAX_BACKOFF_MS = 8_000;
  static final long MAX_RETRY_AFTER_S = 60;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** A successful exchange: the parsed body and how many requests it took. */
  record Result(JsonNode body, int requests) {}

  private final ProviderConfig config;
  private final HttpClient client;

  HttpJson(ProviderConfig config) {
    this.config = config;
    boolean tls = "https".equalsIgnoreCase(config.baseUrl().getScheme());
    this.client =
        HttpClient.newBuilder()
            // Plain-http servers (Ollama, vLLM, stubs) get HTTP/1.1, avoiding the h2c upgrade.
            .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
            .connectTimeout(min(config.timeout(), Duration.ofSeconds(10)))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  static JsonMapper mapper() {
    return MAPPER;
  }

  Result post(URI uri, Map<String, String> headers, JsonNode body, Cancellation cancellation) {
    String json = MAPPER.writeValueAsString(body);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(config.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(builder::header);
    return exchange(builder.build(), cancellation);
  }

  /** A GET (the model lists) under the same timeout, retry and error rules as {@link #post}. */
  Result get(URI uri, Map<String, String> headers, Cancellation cancellation) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(config.timeout())
            .header("Accept", "application/json")
            .GET();
    headers.forEach(builder::header);
    return exchange(builder.build(), cancellation);
  }

  private Result exchange(HttpRequest request, Cancellation cancellation) {

    int attempts = config.maxRetries() + 1;
    for (int attempt = 1; ; attempt++) {
      checkCancelled(cancellation);
      HttpResponse<String> response;
      try {
        response = send(request, cancellation);
      } catch (IOException e) {
        if (attempt < attempts) {
          pause(backoff(attempt), cancellation);
          continue;
        }
        throw new ProviderException(
            Reason.CONNECTION,
            name() + ": network error talking to " + origin() + ": " + oneLine(e.getMessage()),
            e);
      }
      int status = response.statusCode();
      JsonNode parsed = parse(response.body());
      if (status >= 200 && status < 300) {
        if (parsed == null) {
          throw new ProviderException(
              Reason.SERVER, status, name() + ": the response (" + status + ") is not JSON");
        }
        return new Result(parsed, attempt);
      }
      if (retryable(status) && !quotaExhausted(parsed)) {
        Optional<Duration> asked = RetryAfter.from(response.headers(), parsed, Instant.now());
        if (asked.isPresent() && asked.get().getSeconds() > MAX_RETRY_AFTER_S) {
          throw new ProviderException(
              Reason.RATE_LIMITED,
              status,
              name()
                  + ": rate limited ("
                  + status
                  + "): the service asks to wait "
                  + asked.get().getSeconds()
                  + " s; try again later");
        }
        if (attempt < attempts) {
          pause(asked.isPresent() ? asked.get() : backoff(attempt), cancellation);
          continue;
        }
      }
      throw failure(status, parsed, attempt);
    }
  }

  private HttpResponse<String> send(HttpRequest request, Cancellation cancellation)
      throws IOException {
    CompletableFuture<HttpResponse<String>> future =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    cancellation.track(future);
    try {
      // The request timeout covers the wait for headers; this bound covers the body as well.
      return future.get(config.timeout().toMillis() + 250, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw timeout(e);
    } catch (CancellationException e) {
      throw cancelled(e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw cancelled(e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw timeout(cause);
      }
      if (cause instanceof ConnectException) {
        throw new ProviderException(
            Reason.CONNECTION,
            name() + ": cannot connect to " + origin() + ": is the server running and reachable?",
            cause);
      }
      if (cancellation.isCancelled()) {
        throw cancelled(cause);
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new ProviderException(
          Reason.CONNECTION, name() + ": request failed: " + oneLine(String.valueOf(cause)), cause);
    } finally {
      cancellation.track(null);
    }
  }

  private ProviderException failure(int status, @Nullable JsonNode body, int requests) {
    String name = name();
    String detail = detail(body);
    String tries = requests > 1 ? " after " + requests + " attempts" : "";
    if (status == 401 || status == 403 || (status == 400 && detail.contains("API_KEY_INVALID"))) {
      String hint =
          config.kind().keyRequired() || config.apiKey() != null
              ? "check " + config.kind().keyVariable()
              : "the server at " + origin() + " wants a key: set " + config.kind().keyVariable();
      return new ProviderException(
          Reason.AUTHENTICATION,
          status,
          name + ": authentication failed (" + status + "): " + hint);
    }
    if (quotaExhausted(body)) {
      return new ProviderException(
          Reason.RATE_LIMITED,
          status,
          name
              + ": quota exhausted ("
              + status
              + "): check the account's plan and billing"
              + (config.kind() == ProviderKind.OPENAI ? "" : suffix(detail)));
    }
    if (status == 429) {
      return new ProviderException(
          Reason.RATE_LIMITED, status, name + ": rate limited (429)" + tries + "; try again later");
    }
    if (status == 404) {
      return new ProviderException(
          Reason.NOT_FOUND,
          status,
          name
              + ": not found (404): check the model '"
              + config.model()
              + "' and the base URL "
              + origin()
              + suffix(detail)
              + config
                  .retirementWarning(java.time.LocalDate.now(java.time.ZoneOffset.UTC))
                  .map(warning -> " (" + warning.substring(name.length() + 2) + ")")
                  .orElse(""));
    }
    if (status == 400 || status == 422) {
      return new ProviderException(
          Reason.BAD_REQUEST, status, name + ": request refused (" + status + ")" + suffix(detail));
    }
    return new ProviderException(
        Reason.SERVER, status, name + ": server error (" + status + ")" + tries + suffix(detail));
  }

  private static boolean retryable(int status) {
    return status == 429 || status == 408 || status >= 500;
  }

  /**
   * An account out of credit or past a spend cap or daily quota: no wait within a call helps.
   * OpenAI: {@code error.code insufficient_quota} (429). Anthropic: "You have reached your
   * specified API usage limits" or "credit balance is too low" ({@code invalid_request_error}, seen
   * with 400 and 429). Gemini: 429 {@code RESOURCE_EXHAUSTED} whose {@code QuotaFailure} names a
   * per-day quota; its per-minute quotas are waited out as usual.
   */
  static boolean quotaExhausted(@Nullable JsonNode body) {
    if (body == null) {
      return false;
    }
    JsonNode error = body.path("error");
    if ("insufficient_quota".equals(error.path("code").asString(""))
        || "insufficient_quota".equals(error.path("type").asString(""))) {
      return true;
    }
    String message = error.path("message").asString("").toLowerCase(java.util.Locale.ROOT);
    if (message.contains("specified api usage limits")
        || message.contains("credit balance is too low")) {
      return true;
    }
    for (JsonNode detail : error.path("details")) {
      if (detail.path("@type").asString("").endsWith("google.rpc.QuotaFailure")) {
        for (JsonNode violation : detail.path("violations")) {
          String quota =
              violation.path("quotaId").asString("") + violation.path("quotaMetric").asString("");
          if (quota.contains("PerDay") || quota.contains("per_day")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The provider's own error message: OpenAI, Anthropic, Gemini ({error:{message}}), Ollama. */
  private String detail(@Nullable JsonNode body) {
    if (body == null) {
      return "";
    }
    JsonNode error = body.path("error");
    String message;
    if (error.isString()) {
      message = error.asString();
    } else {
      message = error.path("message").asString("");
      String status = error.path("status").asString("");
      if (message.isEmpty()) {
        message = status;
      }
      for (JsonNode detail : error.path("details")) {
        String reason = detail.path("reason").asString("");
        if (!reason.isEmpty()) {
          message = message + " [" + reason + "]";
        }
      }
    }
    return oneLine(message);
  }

  private String suffix(String detail) {
    return detail.isEmpty() ? "" : ": " + detail;
  }

  /** One line, at most 200 characters, with the key (if it appears at all) masked. */
  private String oneLine(@Nullable String text) {
    if (text == null) {
      return "";
    }
    String line = text.replaceAll("\\s+", " ").strip();
    if (config.apiKey() != null) {
      line = line.replace(config.apiKey(), "***");
    }
    return line.length() <= 200 ? line : line.substring(0, 197) + "...";
  }

  private void pause(Duration wait, Cancellation cancellation) {
    try {
      if (cancellation.sleep(wait)) {
        throw cancelled(null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cancelled(e);
    }
  }

  private void checkCancelled(Cancellation cancellation) {
    if (cancellation.isCancelled() || Thread.currentThread().isInterrupted()) {
      throw cancelled(null);
    }
  }

  static Duration backoff(int attempt) {
    long base = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS << Math.min(attempt - 1, 16));
    long jitter = ThreadLocalRandom.current().nextLong(base / 4 + 1);
    return Duration.ofMillis(base + jitter);
  }

  private ProviderException timeout(Throwable cause) {
    return new ProviderException(
        Reason.TIMEOUT,
        name() + ": no response within " + seconds(config.timeout()) + " (timeout)",
        cause);
  }

  private ProviderException cancelled(@Nullable Throwable cause) {
    return new ProviderException(Reason.CANCELLED, name() + ": cancelled", cause);
  }

  private String name() {
    return config.kind().toString();
  }

  /** The base URL without any user-info part, which could hold a password. */
  private String origin() {
    URI url = config.baseUrl();
    return url.getScheme()
        + "://"
        + url.getHost()
        + (url.getPort() == -1 ? "" : ":" + url.getPort())
        + (url.getRawPath() == null ? "" : url.getRawPath());
  }

  private static @Nullable JsonNode parse(@Nullable String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return MAPPER.readTree(body);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
