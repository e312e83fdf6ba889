package io.promptlens.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The app as a real process: a child JVM on the test's own class path (main class {@code
 * PromptLensApplication}), a free loopback port and the given settings, its output in {@code
 * app.log} in its data directory. What a crash does to a process (SIGKILL: no shutdown hook, no
 * flush, sockets cut) can only be seen this way; an in-process context cannot be killed.
 */
public final class ChildApp implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final int port;
  private final Path log;

  private ChildApp(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the app with its data directory {@code dataDir} and {@code settings} (Spring properties,
   * passed as command-line arguments), and waits until it answers HTTP.
   */
  public static ChildApp start(Path dataDir, Map<String, String> settings) {
    // A small, quick-starting JVM: CI has two cores shared with the test JVM.
    return start(
        dataDir, settings, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
  }

  /** As {@link #start(Path, Map)}, with these JVM options instead of the quick-start ones. */
  public static ChildApp start(Path dataDir, Map<String, String> settings, List<String> jvm) {
    int port = freePort();
    Map<String, String> all = new LinkedHashMap<>();
    all.put("server.port", Integer.toString(port));
    all.put("server.address", "127.0.0.1");
    all.put("promptlens.data-dir", dataDir.toString());
    all.put("management.server.port", "0");
    // The crash and fault tests write through the anonymous upload API many times a second.
    all.put("promptlens.api.anonymous-uploads-per-minute", "1000000");
    all.put("promptlens.billing.anonymous-per-day", "1000000");
    // ...and workspaces do not run out of credits (a 200-image batch passes the free grant).
    all.put("promptlens.billing.plans.free.monthly-credits", "1000000");
    all.putAll(settings);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.addAll(
        List.of(
            "-Djava.awt.headless=true",
            "-cp",
            System.getProperty("java.class.path"),
            "io.promptlens.app.PromptLensApplication"));
    all.forEach((name, value) -> command.add("--" + name + "=" + value));
    try {
      Files.createDirectories(dataDir);
      Path log = dataDir.resolve("app.log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      ChildApp app = new ChildApp(process, port, log);
      app.awaitReady();
      return app;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** The process id, e.g. to read its resident memory from {@code /proc}. */
  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: the process ends at once, with no shutdown hook and nothing flushed. */
  public void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  /** SIGTERM: a graceful shutdown (the database closes its files). */
  public void stop() {
    process.destroy();
    awaitExit();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  /** The last lines of the app's output, for a failure message. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the app exited while starting:\n" + logTail());
      }
      try {
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/targets"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(250);
    }
    close();
    throw new IllegalStateException(
        "the app did not start in " + START_TIMEOUT + ":\n" + logTail());
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
