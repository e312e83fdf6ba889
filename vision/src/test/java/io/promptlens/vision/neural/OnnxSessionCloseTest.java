package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promptlens.vision.models.ModelStore;
import io.promptlens.vision.models.Sha256;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Closing a model that other threads are running (a server stopped during analyses) must not free
 * it under them: that crashes the process in native code. Runs on the real expression model.
 */
class OnnxSessionCloseTest {

  private static final long[] SHAPE = {1, 64, 64, 1};

  private static float[] input() {
    float[] x = new float[64 * 64];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i % 64) / 32f - 1;
    }
    return x;
  }

  @Test
  void closeWaitsForTheRunsInFlightAndALaterRunFailsCleanly() throws Exception {
    ModelStore store = InstalledModels.require("emotion");
    Path model = store.converted("emotion");
    OnnxSession session = OnnxSession.open("emotion", model, Sha256.of(model));
    int threads = 4;
    CountDownLatch running = new CountDownLatch(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                int runs = 0;
                try {
                  while (true) {
                    session.runSingle(input(), SHAPE);
                    runs++;
                    if (runs == 1) {
                      running.countDown();
                    }
                  }
                } catch (NeuralException closed) {
                  assertThat(closed).hasMessageContaining("is closed");
                  return runs;
                }
              }));
    }
    assertThat(running.await(60, TimeUnit.SECONDS)).isTrue();

    session.close();

    for (Future<Integer> worker : workers) {
      // Each worker ran the model at least once and then stopped on the clean error, not a crash.
      assertThat(worker.get(60, TimeUnit.SECONDS)).isPositive();
    }
    pool.shutdown();
    assertThatThrownBy(() -> session.runSingle(input(), SHAPE))
        .isInstanceOf(NeuralException.class)
        .hasMessageContaining("emotion is closed");
  }
}
