package io.promptlens.app.batches;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.MultipartBody;
import io.promptlens.app.support.UserSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch API as a script calls it: a workspace API key, multipart uploads with many {@code
 * files} parts, polling until the batch is settled, downloads as bytes.
 */
final class BatchClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String key;
  final String workspace;

  BatchClient(String base, String key, String workspace) {
    this.base = base;
    this.key = key;
    this.workspace = workspace;
  }

  /** A new verified person's personal workspace, through a write key. */
  static BatchClient forNewPerson(int port, String name) {
    UserSession person = UserSession.verified(port, name);
    String workspace = person.personalWorkspace();
    ApiClient.Response created =
        person.postJson(
            "/api/v1/workspaces/" + workspace + "/api-keys",
            "{\"name\": \"batch\", \"scope\": \"write\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return new BatchClient(
        "http://127.0.0.1:" + port, created.json().get("key").asString(), workspace);
  }

  /** Same workspace, another app instance. */
  BatchClient on(int port) {
    return new BatchClient("http://127.0.0.1:" + port, key, workspace);
  }

  String batches() {
    return "/api/v1/workspaces/" + workspace + "/batches";
  }

  record Answer(int status, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  /** Uploads {@code files} (name → bytes) as parts named "files", with form {@code fields}. */
  Answer upload(Map<String, byte[]> files, Map<String, String> fields) {
    MultipartBody body = new MultipartBody().fields(fields);
    files.forEach((name, bytes) -> body.file("files", name, "application/octet-stream", bytes));
    return send(
        HttpRequest.newBuilder(URI.create(base + batches()))
            .header("Content-Type", body.contentType())
            .POST(body.publisher()));
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Answer delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  byte[] download(String path) {
    try {
      HttpResponse<byte[]> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Authorization", "Bearer " + key)
                  .timeout(Duration.ofSeconds(60))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(answer.statusCode()).isEqualTo(200);
      return answer.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls the batch until nothing waits (or the time is up) and returns its last state. */
  JsonNode awaitSettled(String id, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode batch = get(batches() + "/" + id).json();
    while (batch.get("status").asString().equals("running") && System.nanoTime() < deadline) {
      sleep(200);
      batch = get(batches() + "/" + id).json();
    }
    return batch;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> answer =
          http.send(
              request
                  .header("Authorization", "Bearer " + key)
                  .header("Accept", "application/json")
                  .timeout(Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(answer.statusCode(), answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Map<String, String> unzip(byte[] zip) {
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
