package io.promptlens.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the API tests: the JDK's, with a hand-built multipart body so the bytes on
 * the wire are exactly what a browser or curl would send.
 */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Map<String, String> headers;

  public ApiClient(int port) {
    this("http://localhost:" + port, Map.of());
  }

  private ApiClient(String base, Map<String, String> headers) {
    this.base = base;
    this.headers = headers;
  }

  /** The same client sending a {@code Cookie} header, as a forged cross-site request would. */
  public ApiClient withCookie(String cookie) {
    return with("Cookie", cookie);
  }

  /** The same client sending one more header on every request. */
  public ApiClient with(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return new ApiClient(base, all);
  }

  /** The same client with {@code Authorization: Bearer key}. */
  public ApiClient withKey(String key) {
    return with("Authorization", "Bearer " + key);
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
  }

  public Response postJson(String path, String json) {
    return withJson(path, "POST", json);
  }

  public Response putJson(String path, String json) {
    return withJson(path, "PUT", json);
  }

  private Response withJson(String path, String method, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").DELETE());
  }

  /** Posts {@code fields} and, unless {@code image} is null, a file part named "image". */
  public Response postMultipart(
      String path, String fileName, String contentType, byte[] image, Map<String, String> fields) {
    MultipartBody body = new MultipartBody().fields(fields);
    if (image != null) {
      body.file("image", fileName, contentType, image);
    }
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", body.contentType())
            .header("Accept", "application/json")
            .POST(body.publisher()));
  }

  public Response postImage(String path, byte[] png, Map<String, String> fields) {
    return postMultipart(path, "reference.png", "image/png", png, fields);
  }

  public Response postImage(String path, byte[] png) {
    return postImage(path, png, Map.of());
  }

  /** Any body with any content type, as a hostile client would send it. */
  public Response post(String path, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  private URI uri(String path) {
    return URI.create(path.startsWith("http") ? path : base + path);
  }

  private Response send(HttpRequest.Builder request) {
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Status, headers and body of one exchange, the body also parsed as JSON when it is JSON. */
  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String body() {
      return raw.body();
    }

    public String contentType() {
      return raw.headers().firstValue("Content-Type").orElse("");
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public JsonNode json() {
      return JSON.readTree(raw.body());
    }
  }
}
