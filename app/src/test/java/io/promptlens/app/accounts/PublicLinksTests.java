package io.promptlens.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Mail links never take their host from a Host header the caller wrote. */
class PublicLinksTests {

  static AccountProperties properties(String publicUrl) {
    return new AccountProperties(
        publicUrl,
        List.of("localhost", "127.0.0.1"),
        5,
        Duration.ofMinutes(15),
        Duration.ofDays(2),
        Duration.ofHours(1),
        Duration.ofDays(30));
  }

  static void requestFor(String host) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/forgot-password");
    request.setServerName(host);
    request.setServerPort(8080);
    request.setLocalPort(8080);
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
  }

  @AfterEach
  void clear() {
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void aForgedHostDoesNotReachTheLink() {
    requestFor("attacker.example");

    String link = new PublicLinks(properties(null)).to("/reset-password?token=t");

    assertThat(link).isEqualTo("http://localhost:8080/reset-password?token=t");
  }

  @Test
  void anAllowedHostShapesTheLink() {
    requestFor("127.0.0.1");

    assertThat(new PublicLinks(properties(null)).to("/verify?token=t"))
        .isEqualTo("http://127.0.0.1:8080/verify?token=t");
  }

  @Test
  void theConfiguredAddressWins() {
    requestFor("attacker.example");

    assertThat(new PublicLinks(properties("https://promptlens.example/")).to("/verify?token=t"))
        .isEqualTo("https://promptlens.example/verify?token=t");
  }
}
