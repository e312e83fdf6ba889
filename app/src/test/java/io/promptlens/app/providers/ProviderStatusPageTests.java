package io.promptlens.app.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.UserSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /admin/providers} as served: signed-in users only, in the site's layout. */
@AppIntegration
class ProviderStatusPageTests {

  @LocalServerPort int port;

  @Test
  void aSignedInUserSeesEveryProviderAndItsDefaultModel() {
    UserSession session = UserSession.verified(port, "Ada");

    ApiClient.Response page = session.getPage("/admin/providers");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"providers\"")
        .contains("gpt-6-luna", "claude-haiku-5-5", "gemini-3.5-flash-lite", "qwen2.5vl")
        .contains("id=\"provider-none\"")
        .contains("site-header");
  }

  @Test
  void anAnonymousVisitorIsSentToSignIn() {
    ApiClient.Response page = new ApiClient(port).get("/admin/providers");

    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location")).contains("/sign-in");
  }
}
