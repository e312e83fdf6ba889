package io.promptlens.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The page as served, before any script runs. */
@AppIntegration
class HomePageTests {

  @LocalServerPort int port;

  @Test
  void thePageListsEveryTargetAndModeWithMidjourneySelected() {
    Response page = new ApiClient(port).get("/");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body())
        .contains("<option value=\"midjourney\"")
        .contains("<option value=\"sdxl\"")
        .contains("<option value=\"flux\"")
        .contains("value=\"full\"", "value=\"style\"", "value=\"edit\"", "value=\"video\"")
        .containsPattern("value=\"midjourney\"[^>]*selected")
        .contains("id=\"image-input\"", "id=\"result-head\"")
        // The result is the server's (WorkbenchPageTests), posted and swapped in by htmx.
        .containsPattern("<form id=\"prompt-form\"[^>]*hx-post=\"/workbench\"")
        .containsPattern(
            "<form id=\"prompt-form\"[^>]*hx-headers=\"\\{&quot;X-XSRF-TOKEN&quot;: &quot;[^&]+&quot;\\}\"");
  }

  @Test
  void scriptsAndStylesAreServedByTheAppUnderContentHashedNames() {
    ApiClient client = new ApiClient(port);
    String page = client.get("/").body();

    Matcher script = Pattern.compile("src=\"(/js/app-[0-9a-f]{32}\\.js)\"").matcher(page);
    Matcher styles = Pattern.compile("href=\"(/css/app-[0-9a-f]{32}\\.css)\"").matcher(page);
    assertThat(script.find()).as("hashed script URL in the page").isTrue();
    assertThat(styles.find()).as("hashed stylesheet URL in the page").isTrue();
    assertThat(client.get(script.group(1)).status()).isEqualTo(200);
    assertThat(client.get(styles.group(1)).status()).isEqualTo(200);
    assertThat(page).doesNotContain("http://", "https://");
  }

  @Test
  void thePageMayOnlyRunItsOwnCode() {
    Response page = new ApiClient(port).get("/");

    assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("Permissions-Policy")).contains("camera=()", "geolocation=()");
    assertThat(page.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
  }
}
