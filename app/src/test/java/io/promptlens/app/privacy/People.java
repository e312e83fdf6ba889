package io.promptlens.app.privacy;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.TestMail;
import io.promptlens.app.support.UserSession;
import java.io.ByteArrayInputStream;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * People for the privacy tests: names nobody else in the test database has (so a scan for them
 * after an erasure finds only what the erasure missed), each behind an address of their own.
 */
final class People {

  private People() {}

  /** Someone with made-up unique names, verified and signed in, coming from {@code ip}. */
  static UserSession signedUp(int port, String ip) {
    String first = word("Fa");
    String last = word("La");
    String email = first.toLowerCase() + "." + last.toLowerCase() + "@example.com";
    UserSession session =
        new UserSession(port)
            .withHeader("X-Forwarded-For", ip)
            .withHeader(
                "User-Agent",
                "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
    session.signUp(first, last, email, UserSession.PASSWORD);
    session.get(TestMail.last(email).link("/verify?token="));
    session.signIn(email, UserSession.PASSWORD, false);
    return session;
  }

  /** A documentation address (RFC 5737 TEST-NET-3) no other test uses. */
  static String ip() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "203.0." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
  }

  /** A capitalised made-up word, e.g. "Faqzvkrw". */
  static String word(String start) {
    StringBuilder word = new StringBuilder(start);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 8; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  /** The first and last name the person signed up with. */
  static String[] names(UserSession session) {
    var me = session.get("/api/v1/me").json();
    return new String[] {me.get("firstName").asString(), me.get("lastName").asString()};
  }

  /** The ZIP's entries as text, by name. */
  static Map<String, String> unzip(byte[] archive) {
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /** GET with the session's cookies, as bytes (an export). */
  static HttpResponse<byte[]> bytes(UserSession session, String path) {
    return session.getBytes(path);
  }

  /** A client with an API key, from the same address. */
  static ApiClient key(int port, String key, String ip) {
    return new ApiClient(port).withKey(key).with("X-Forwarded-For", ip);
  }

  static HttpResponse<String> raw(String url) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
