package io.promptlens.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A browser without the browser: the JDK's HTTP client with a cookie jar, which signs up through
 * the real pages (reading the verification mail from GreenMail), signs in with the form, and calls
 * the API with the page's CSRF token as a browser script would.
 */
public final class UserSession {

  public static final String PASSWORD = "correct horse battery";
  private static final Pattern CSRF_FIELD =
      Pattern.compile(
          "name=\"_csrf\"\\s+value=\"([^\"]+)\"|name=\"_csrf\"\\s+content=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final Map<String, String> headers = new java.util.LinkedHashMap<>();
  private String email;
  private String csrf;

  public UserSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Signs up, follows the verification link from the mail and signs in. */
  public static UserSession verified(int port, String firstName) {
    UserSession session = new UserSession(port);
    String email = firstName.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
    session.signUp(firstName, "Tester", email, PASSWORD);
    session.get(TestMail.last(email).link("/verify?token="));
    session.signIn(email, PASSWORD, false);
    return session;
  }

  public String email() {
    return email;
  }

  /**
   * Sends this header with every later request, as a browser sends its User-Agent or a proxy in
   * front of the app adds X-Forwarded-For.
   */
  public UserSession withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public ApiClient.Response signUp(String first, String last, String email, String password) {
    this.email = email;
    return postForm(
        "/sign-up",
        Map.of("firstName", first, "lastName", last, "email", email, "password", password));
  }

  /** Posts the sign-in form; the response is the redirect (to / on success). */
  public ApiClient.Response signIn(String email, String password, boolean rememberMe) {
    this.email = email;
    Map<String, String> fields =
        rememberMe
            ? Map.of("email", email, "password", password, "remember-me", "true")
            : Map.of("email", email, "password", password);
    ApiClient.Response response = postForm("/sign-in", fields);
    csrf = null; // a new token after sign-in
    return response;
  }

  public ApiClient.Response postForm(String path, Map<String, String> fields) {
    String token = pageToken("/");
    String body =
        fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"))
            + "&_csrf="
            + encode(token);
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public ApiClient.Response get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
  }

  /** A binary answer (an image) as the browser asks for it: status, content type and bytes. */
  public HttpResponse<byte[]> getBytes(String path) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri(path)).header("Accept", "image/*,*/*;q=0.8");
      headers.forEach(request::header);
      return http.send(
          request.GET().timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public ApiClient.Response getPage(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
  }

  public ApiClient.Response postJson(String path, String json) {
    return json(path, "POST", json);
  }

  public ApiClient.Response putJson(String path, String json) {
    return json(path, "PUT", json);
  }

  public ApiClient.Response delete(String path) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "application/json")
            .header("X-XSRF-TOKEN", apiToken())
            .DELETE());
  }

  /** A new API key of {@code workspace}, checked created: its JSON, the secret in {@code key}. */
  public JsonNode createKey(String workspace, String name, String scope) {
    ApiClient.Response created =
        postJson(
            "/api/v1/workspaces/" + workspace + "/api-keys",
            "{\"name\": \"" + name + "\", \"scope\": \"" + scope + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  /** An uploaded image analysed in {@code workspace}: {@code POST …/analyses}. */
  public ApiClient.Response analyze(String workspace, byte[] png) {
    return postImage("/api/v1/workspaces/" + workspace + "/analyses", png, Map.of());
  }

  /** A prompt made in {@code workspace} from an uploaded image: {@code POST …/prompts}. */
  public ApiClient.Response prompt(String workspace, byte[] png, Map<String, String> fields) {
    return postImage("/api/v1/workspaces/" + workspace + "/prompts", png, fields);
  }

  public ApiClient.Response postImage(String path, byte[] png, Map<String, String> fields) {
    return postImage(path, png, fields, "application/json");
  }

  /** An image upload as a page's form sends it ({@code accept} text/html) or a script (JSON). */
  public ApiClient.Response postImage(
      String path, byte[] png, Map<String, String> fields, String accept) {
    return postFiles(path, "image", Map.of("reference.png", png), fields, accept);
  }

  /**
   * A multipart upload: each file (name → bytes, sent as PNG) as a part named {@code part}, after
   * the form {@code fields}.
   */
  public ApiClient.Response postFiles(
      String path,
      String part,
      Map<String, byte[]> files,
      Map<String, String> fields,
      String accept) {
    MultipartBody body = new MultipartBody().fields(fields);
    files.forEach((filename, bytes) -> body.file(part, filename, "image/png", bytes));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", body.contentType())
            .header("Accept", accept)
            .header("X-XSRF-TOKEN", apiToken())
            .POST(body.publisher()));
  }

  /** The personal workspace's id. */
  public String personalWorkspace() {
    for (JsonNode workspace : get("/api/v1/workspaces").json()) {
      if (workspace.get("personal").asBoolean()) {
        return workspace.get("id").asString();
      }
    }
    throw new AssertionError("no personal workspace");
  }

  public String userId() {
    return get("/api/v1/me").json().get("id").asString();
  }

  /** A cookie's value, or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  public void forgetCookie(String name) {
    cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .toList()
        .forEach(c -> cookies.getCookieStore().remove(null, c));
  }

  /** A JSON request with any method, DELETE with a body included. */
  public ApiClient.Response sendJson(String path, String method, String json) {
    return json(path, method, json);
  }

  private ApiClient.Response json(String path, String method, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-XSRF-TOKEN", apiToken())
            .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  private String apiToken() {
    if (csrf == null) {
      csrf = pageToken("/");
    }
    return csrf;
  }

  /** The CSRF token a page carries (hidden field or meta tag). */
  private String pageToken(String path) {
    String page = getPage(path).body();
    Matcher matcher = CSRF_FIELD.matcher(page);
    if (!matcher.find()) {
      throw new AssertionError("no CSRF token on " + path);
    }
    return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
  }

  private URI uri(String path) {
    return URI.create(path.startsWith("http") ? path : base + path);
  }

  private ApiClient.Response send(HttpRequest.Builder request) {
    headers.forEach(request::header);
    try {
      return new ApiClient.Response(
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
