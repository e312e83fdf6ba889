package io.promptlens.app.billing;

import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.BillingIntegration;
import io.promptlens.app.support.TestImages;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** "Try it" is free but limited per client address and day (3 in this context). */
@BillingIntegration
class AnonymousDailyLimitTests {

  @LocalServerPort int port;

  @Test
  void theFourthTryInADayIs429WithRetryAfterAndASignUpHint() {
    // Loopback is a trusted proxy, so X-Forwarded-For names the client, as behind a real proxy.
    String address = "203.0.113." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
    ApiClient client = new ApiClient(port).with("X-Forwarded-For", address);
    byte[] image = TestImages.png(32, 24);

    for (int i = 0; i < 3; i++) {
      assertThat(client.postImage("/api/v1/prompts", image).status()).isEqualTo(201);
    }
    ApiClient.Response fourth = client.postImage("/api/v1/analyses", image);

    assertProblem(fourth, 429, "sign up");
    assertThat(fourth.json().get("signUp").asString()).isEqualTo("/sign-up");
    assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(1L, 86_401L);
    assertThat(
            new ApiClient(port)
                .with("X-Forwarded-For", "198.51.100.77")
                .postImage("/api/v1/analyses", image)
                .status())
        .isEqualTo(201);
  }
}
