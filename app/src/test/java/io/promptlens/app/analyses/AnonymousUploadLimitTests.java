package io.promptlens.app.analyses;

import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Uploads without an account are limited per client address; other addresses are not. */
@AppIntegration
@TestPropertySource(properties = "promptlens.api.anonymous-uploads-per-minute=3")
class AnonymousUploadLimitTests {

  @LocalServerPort int port;

  @Test
  void theFourthAnonymousUploadInAMinuteFromOneAddressIs429() {
    // Loopback is a trusted proxy, so X-Forwarded-For names the client, as behind a real proxy.
    ApiClient client = new ApiClient(port).with("X-Forwarded-For", "198.51.100.7");
    ApiClient other = new ApiClient(port).with("X-Forwarded-For", "198.51.100.8");
    byte[] image = TestImages.png(48, 32);
    int created = 0;
    ApiClient.Response last = null;
    for (int i = 0; i < 4; i++) {
      last = client.postImage("/api/v1/analyses", image);
      if (last.status() == 201) {
        created++;
      }
    }

    assertThat(created).isBetween(1, 3); // a minute boundary may fall inside the loop
    if (created == 3) {
      assertProblem(last, 429, "Retry after");
      assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
    }
    assertThat(other.postImage("/api/v1/analyses", image).status()).isEqualTo(201);
  }
}
