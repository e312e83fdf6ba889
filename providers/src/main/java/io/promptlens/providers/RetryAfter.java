package io.promptlens.providers;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How long a server asked us to wait. Read, in this order: {@code retry-after-ms} (milliseconds,
 * sent by OpenAI), {@code Retry-After} as delay-seconds or as an HTTP-date (RFC 9110 §10.2.3), and
 * for Gemini, whose 429 carries the delay in the body, a {@code google.rpc.RetryInfo} detail's
 * {@code retryDelay} ("30s"; https://cloud.google.com/apis/design/errors#error_details).
 */
final class RetryAfter {

  private RetryAfter() {}

  static Optional<Duration> from(HttpHeaders headers, @Nullable JsonNode body, Instant now) {
    Optional<Duration> millis =
        headers.firstValue("retry-after-ms").flatMap(v -> number(v).map(Duration::ofMillis));
    if (millis.isPresent()) {
      return millis;
    }
    Optional<Duration> header =
        headers.firstValue("retry-after").flatMap(value -> parseHeader(value, now));
    if (header.isPresent()) {
      return header;
    }
    return googleRetryInfo(body);
  }

  /** Delay-seconds ("120", also "1.5") or an IMF-fixdate; a date in the past means no wait. */
  static Optional<Duration> parseHeader(String value, Instant now) {
    String text = value.strip();
    Optional<Duration> seconds = decimalSeconds(text);
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> googleRetryInfo(@Nullable JsonNode body) {
    if (body == null) {
      return Optional.empty();
    }
    for (JsonNode detail : body.path("error").path("details")) {
      String type = detail.path("@type").asString("");
      if (type.endsWith("google.rpc.RetryInfo")) {
        String delay = detail.path("retryDelay").asString("");
        if (delay.endsWith("s")) {
          return decimalSeconds(delay.substring(0, delay.length() - 1));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Duration> decimalSeconds(String text) {
    try {
      double seconds = Double.parseDouble(text);
      if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> number(String text) {
    try {
      long value = Math.round(Double.parseDouble(text.strip()));
      return value < 0 ? Optional.empty() : Optional.of(value);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
