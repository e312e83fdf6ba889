package io.promptlens.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.UserSession;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over https (here: through the trusted loopback proxy saying X-Forwarded-Proto: https) every
 * credential cookie is a {@code __Host-} cookie, and only that spelling is read; over plain http
 * the plain names stay, since a Secure cookie cannot be set there.
 */
@AppIntegration
class HostCookiesTests {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> overHttps(HttpRequest.Builder request, String cookies)
      throws Exception {
    request.header("X-Forwarded-Proto", "https");
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String cookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
        .filter(v -> !v.isEmpty())
        .findFirst()
        .orElse(null);
  }

  /** Signs in over "https" with remember-me; returns the sign-in response. */
  private HttpResponse<String> signInOverHttps(String email) throws Exception {
    HttpResponse<String> form =
        overHttps(HttpRequest.newBuilder(uri("/sign-in")).header("Accept", "text/html"), "");
    Matcher csrf = CSRF_FIELD.matcher(form.body());
    assertThat(csrf.find()).isTrue();
    String csrfCookie = cookie(form, "__Host-XSRF-TOKEN");
    assertThat(csrfCookie).isNotNull();
    String body =
        "email="
            + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(UserSession.PASSWORD, StandardCharsets.UTF_8)
            + "&remember-me=true&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    return overHttps(
        HttpRequest.newBuilder(uri("/sign-in"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        "__Host-XSRF-TOKEN=" + csrfCookie);
  }

  /**
   * Signs {@code name} in over HTTPS, then opens the history sending the value of the cookie the
   * sign-in set as {@code issued} under the name {@code sentAs} alone.
   */
  private HttpResponse<String> historyWith(String name, String issued, String sentAs)
      throws Exception {
    String email = UserSession.verified(port, name).email();
    return historyOverHttps(sentAs + "=" + cookie(signInOverHttps(email), issued));
  }

  private HttpResponse<String> historyOverHttps(String cookie) throws Exception {
    return overHttps(HttpRequest.newBuilder(uri("/history")).header("Accept", "text/html"), cookie);
  }

  @Test
  void overHttpsEveryCredentialCookieIsAHostCookie() throws Exception {
    String email = UserSession.verified(port, "Hana").email();

    HttpResponse<String> signIn = signInOverHttps(email);

    assertThat(signIn.statusCode()).isEqualTo(302);
    List<String> setCookies = signIn.headers().allValues("Set-Cookie");
    assertThat(setCookies)
        .anySatisfy(c -> assertThat(c).startsWith("__Host-SESSION="))
        .anySatisfy(c -> assertThat(c).startsWith("__Host-remember-me="));
    assertThat(setCookies)
        .filteredOn(c -> !c.startsWith("REDIRECT_URI="))
        .allSatisfy(
            c ->
                assertThat(c)
                    .startsWith("__Host-")
                    .contains("; Secure")
                    .containsIgnoringCase("Path=/")
                    .doesNotContainIgnoringCase("Domain="));
  }

  @Test
  void overHttpsTheHostSessionCookieSignsIn() throws Exception {
    HttpResponse<String> history = historyWith("Hugo", "__Host-SESSION", "__Host-SESSION");

    assertThat(history.statusCode()).isEqualTo(200);
  }

  @Test
  void overHttpsAPlainNamedSessionCookieIsNotRead() throws Exception {
    // The same valid session id, under the name a plain-http page or a subdomain could plant.
    HttpResponse<String> history = historyWith("Hedy", "__Host-SESSION", "SESSION");

    assertThat(history.statusCode()).isEqualTo(302);
    assertThat(history.headers().firstValue("Location")).get().asString().contains("/sign-in");
  }

  @Test
  void overHttpsAHostRememberMeCookieSignsInWithoutASession() throws Exception {
    HttpResponse<String> history = historyWith("Hiro", "__Host-remember-me", "__Host-remember-me");

    assertThat(history.statusCode()).isEqualTo(200);
  }

  @Test
  void overPlainHttpTheCookiesKeepTheirPlainNames() {
    UserSession hal = UserSession.verified(port, "Hal");

    assertThat(hal.cookie("SESSION")).isNotNull();
    assertThat(hal.cookie("__Host-SESSION")).isNull();
  }
}
