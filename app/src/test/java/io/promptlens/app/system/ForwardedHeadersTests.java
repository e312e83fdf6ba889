package io.promptlens.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a TLS-terminating proxy on a trusted address (loopback by default), the app knows the
 * request was https: HSTS, https redirects and Secure cookies.
 */
@AppIntegration
class ForwardedHeadersTests {

  @LocalServerPort int port;

  HttpResponse<String> page(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "text/html");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HttpClient.newHttpClient()
        .send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void httpsAtTheProxyGetsHstsHttpsRedirectsAndSecureCookies() throws Exception {
    HttpResponse<String> page = page("/history", "X-Forwarded-Proto", "https");

    assertThat(page.headers().firstValue("Strict-Transport-Security"))
        .get()
        .asString()
        .contains("max-age=");
    assertThat(page.headers().firstValue("Location")).get().asString().startsWith("https://");
    assertThat(page.headers().allValues("Set-Cookie"))
        .isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).contains("; Secure"));
  }

  @Test
  void plainHttpGetsNoHsts() throws Exception {
    HttpResponse<String> page = page("/history");

    assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(page.headers().firstValue("Location")).get().asString().startsWith("http://");
  }
}
