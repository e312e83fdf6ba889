package io.promptlens.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2025-10-01T12:00:00Z");

  private static HttpHeaders headers(String name, String value) {
    return HttpHeaders.of(Map.of(name, List.of(value)), (a, b) -> true);
  }

  private static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (a, b) -> true);

  @Test
  void delaySeconds() {
    assertThat(RetryAfter.from(headers("Retry-After", "7"), null, NOW))
        .contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parseHeader("1.5", NOW)).contains(Duration.ofMillis(1500));
  }

  @Test
  void httpDate() {
    assertThat(RetryAfter.parseHeader("Wed, 01 Oct 2025 12:00:30 GMT", NOW))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parseHeader("Wed, 01 Oct 2025 11:00:00 GMT", NOW))
        .contains(Duration.ZERO);
  }

  @Test
  void milliseconds() {
    assertThat(RetryAfter.from(headers("retry-after-ms", "250"), null, NOW))
        .contains(Duration.ofMillis(250));
  }

  @Test
  void googleRetryInfoInTheBody() {
    var body =
        JsonMapper.builder()
            .build()
            .readTree(
                "{\"error\":{\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\","
                    + "\"retryDelay\":\"12s\"}]}}");

    assertThat(RetryAfter.from(NONE, body, NOW)).contains(Duration.ofSeconds(12));
  }

  @Test
  void garbageMeansNoAdvice() {
    assertThat(RetryAfter.parseHeader("soon", NOW)).isEqualTo(Optional.empty());
    assertThat(RetryAfter.parseHeader("-3", NOW)).isEmpty();
    assertThat(RetryAfter.from(NONE, null, NOW)).isEmpty();
  }

  @Test
  void backoffDoublesWithJitterAndIsCapped() {
    assertThat(HttpJson.backoff(1).toMillis()).isBetween(500L, 625L);
    assertThat(HttpJson.backoff(2).toMillis()).isBetween(1000L, 1250L);
    assertThat(HttpJson.backoff(20).toMillis()).isBetween(8000L, 10_000L);
  }
}
