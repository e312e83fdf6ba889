package io.promptlens.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ChildApp;
import io.promptlens.app.support.PostgresSchema;
import io.promptlens.app.support.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load benchmark (not part of the normal test run: tag {@code load}, run with {@code mvn -o
 * -Pload -pl app -am test -Dtest=LoadBenchmarkTests -Dsurefire.failIfNoSpecifiedTests=false}). It
 * starts the app as its own process on loopback with the neural models on (as {@code promptlens
 * serve} runs it) and measures, in {@code bench.rounds} rounds (default 3) of at most {@code
 * bench.seconds} seconds (default 15) and a bounded number of requests each:
 *
 * <ul>
 *   <li>the JSON compile endpoint, {@code POST /api/v1/prompts} with an {@code analysisId}: req/s,
 *       p50, p99;
 *   <li>uploads, {@code POST /api/v1/prompts} with a 4 KB JPEG, from more clients than analysis
 *       slots: p50 and p99 of the answers, how many were 201 and how many 503 (anything else is an
 *       error and fails the run);
 *   <li>the server's resident memory (VmRSS), the highest sampled.
 * </ul>
 *
 * {@code -Dbench.database=postgres} runs it on PostgreSQL. The medians of the rounds go to {@code
 * target/load-benchmark-<database>.txt}. Timing assertions do not belong in tests; the only
 * assertions here are that nothing but 201 and 503 was answered.
 */
@Tag("load")
class LoadBenchmarkTests {

  /** {@code h2} (the default file store) or {@code postgres} (a fresh schema on 127.0.0.1). */
  private static final String DATABASE = System.getProperty("bench.database", "h2");

  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));
  private static final int COMPILE_CLIENTS = 16;
  private static final int COMPILE_MAX_REQUESTS = 200_000;
  private static final int UPLOAD_CLIENTS = 8;
  private static final int UPLOAD_MAX_REQUESTS = 2_000;

  @TempDir Path dataDir;

  /** One phase's figures. */
  record Figures(
      int requests,
      double perSecond,
      double p50Millis,
      double p99Millis,
      Map<Integer, Integer> statuses) {}

  @Test
  void measure() throws Exception {
    Map<String, String> settings = new java.util.HashMap<>();
    settings.put("promptlens.neural.enabled", "true");
    settings.put("logging.level.root", "warn");
    String schema = DATABASE.equals("postgres") ? PostgresSchema.newName() : null;
    if (schema != null) {
      settings.putAll(PostgresSchema.settings(schema));
    }
    try (ChildApp app = ChildApp.start(dataDir, settings, List.of("-Xmx1g"))) {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      String base = "http://127.0.0.1:" + app.port();
      byte[] jpeg = TestImages.jpeg(96, 64);
      String analysisId = seed(http, base, jpeg);
      String compileBody = "{\"analysisId\": \"" + analysisId + "\", \"target\": \"flux\"}";
      Supplier<HttpRequest> compile =
          () ->
              HttpRequest.newBuilder(URI.create(base + "/api/v1/prompts"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(compileBody))
                  .timeout(Duration.ofSeconds(30))
                  .build();
      byte[] multipart = multipart(jpeg);
      Supplier<HttpRequest> upload =
          () ->
              HttpRequest.newBuilder(URI.create(base + "/api/v1/prompts"))
                  .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(multipart))
                  .timeout(Duration.ofSeconds(60))
                  .build();

      RssSampler rss = new RssSampler(app.pid());
      run(http, compile, COMPILE_CLIENTS, Duration.ofSeconds(5), COMPILE_MAX_REQUESTS); // warm-up
      List<Figures> compiles = new ArrayList<>();
      List<Figures> uploads = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        compiles.add(run(http, compile, COMPILE_CLIENTS, PHASE, COMPILE_MAX_REQUESTS));
        uploads.add(run(http, upload, UPLOAD_CLIENTS, PHASE, UPLOAD_MAX_REQUESTS));
      }
      rss.stop();

      String report =
          String.join(
              "\n",
              "machine: "
                  + Runtime.getRuntime().availableProcessors()
                  + " cores, Java "
                  + Runtime.version()
                  + ", "
                  + System.getProperty("os.name")
                  + " "
                  + System.getProperty("os.arch"),
              "rounds: "
                  + ROUNDS
                  + " × "
                  + PHASE.toSeconds()
                  + " s per phase; JPEG "
                  + jpeg.length
                  + " bytes",
              "compile (POST /api/v1/prompts JSON, "
                  + COMPILE_CLIENTS
                  + " clients): "
                  + median(compiles),
              "upload (POST /api/v1/prompts 4 KB JPEG, "
                  + UPLOAD_CLIENTS
                  + " clients): "
                  + median(uploads),
              "server RSS peak: " + rss.peakMegabytes() + " MB",
              "rounds: compile " + compiles + "; upload " + uploads,
              "");
      Files.writeString(Path.of("target", "load-benchmark-" + DATABASE + ".txt"), report);
      System.out.println(report);

      for (Figures figures : compiles) {
        assertThat(figures.statuses().keySet()).containsOnly(201);
      }
      for (Figures figures : uploads) {
        assertThat(figures.statuses().keySet()).isSubsetOf(201, 503);
      }
    } finally {
      if (schema != null) {
        PostgresSchema.drop(schema);
      }
    }
  }

  /** {@code clients} loops sending requests until {@code phase} or {@code max} requests pass. */
  private static Figures run(
      HttpClient http, Supplier<HttpRequest> request, int clients, Duration phase, int max)
      throws InterruptedException {
    long[] latencies = new long[max];
    AtomicInteger taken = new AtomicInteger();
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    AtomicLong failures = new AtomicLong();
    long start = System.nanoTime();
    long end = start + phase.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.submit(
          () -> {
            while (System.nanoTime() < end) {
              int slot = taken.getAndIncrement();
              if (slot >= max) {
                return;
              }
              long sent = System.nanoTime();
              int status;
              try {
                status =
                    http.send(request.get(), HttpResponse.BodyHandlers.discarding()).statusCode();
              } catch (IOException e) {
                status = -1;
                failures.incrementAndGet();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              latencies[slot] = System.nanoTime() - sent;
              statuses.merge(status, 1, Integer::sum);
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(phase.toSeconds() + 120, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    int done = statuses.values().stream().mapToInt(Integer::intValue).sum();
    long[] measured = Arrays.copyOf(latencies, Math.min(done, max));
    Arrays.sort(measured);
    return new Figures(
        done,
        done / seconds,
        percentile(measured, 0.50),
        percentile(measured, 0.99),
        new TreeMap<>(statuses));
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static String median(List<Figures> rounds) {
    return String.format(
        "%.0f req/s, p50 %.1f ms, p99 %.1f ms (medians of %d rounds; statuses %s)",
        middle(rounds.stream().mapToDouble(Figures::perSecond).toArray()),
        middle(rounds.stream().mapToDouble(Figures::p50Millis).toArray()),
        middle(rounds.stream().mapToDouble(Figures::p99Millis).toArray()),
        rounds.size(),
        rounds.stream().map(Figures::statuses).toList());
  }

  private static double middle(double[] values) {
    Arrays.sort(values);
    return values[values.length / 2];
  }

  private static String seed(HttpClient http, String base, byte[] jpeg) throws Exception {
    HttpResponse<String> analysed =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/prompts"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(jpeg)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(analysed.statusCode()).as(analysed.body()).isEqualTo(201);
    return analysed.body().replaceAll("(?s).*\"analysisId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  private static final String BOUNDARY = "----promptlensbench";

  private static byte[] multipart(byte[] jpeg) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"target\"\r\n\r\nflux\r\n--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"bench.jpg\""
                + "\r\nContent-Type: image/jpeg\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(jpeg);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  /** Samples the server's VmRSS every 200 ms and keeps the highest. */
  private static final class RssSampler {
    private final AtomicLong peakKb = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    RssSampler(long pid) {
      Path status = Path.of("/proc", Long.toString(pid), "status");
      thread =
          new Thread(
              () -> {
                while (running) {
                  try {
                    for (String line : Files.readAllLines(status)) {
                      if (line.startsWith("VmRSS:")) {
                        long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                        peakKb.accumulateAndGet(kb, Math::max);
                      }
                    }
                    Thread.sleep(200);
                  } catch (IOException | InterruptedException | NumberFormatException e) {
                    return;
                  }
                }
              },
              "rss-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join(1_000);
    }

    long peakMegabytes() {
      return peakKb.get() / 1024;
    }
  }
}
