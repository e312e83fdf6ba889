package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.vision.models.ModelStore;
import io.promptlens.vision.models.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optimised-graph cache (issue 17): written beside the model on the first load, read by the
 * next, never trusted when damaged, and safe when several processes load at once. The real
 * expression model (0.8 MB) is copied into a temporary folder, so the installed store is never
 * written by a test.
 */
class OptimizedModelsTest {

  @TempDir Path dir;

  private Path model() throws Exception {
    ModelStore store = InstalledModels.require("emotion");
    Path copy = dir.resolve("emotion.onnx");
    Files.copy(store.converted("emotion"), copy);
    return copy;
  }

  /** A face-sized grey ramp, the expression model's 64 × 64 × 1 input. */
  private static float[] input() {
    float[] x = new float[64 * 64];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i % 64) / 32f - 1;
    }
    return x;
  }

  private static float[] run(Path model, String sha256) {
    try (OnnxSession s = OnnxSession.open("emotion", model, sha256)) {
      return s.runSingle(input(), new long[] {1, 64, 64, 1}).values();
    }
  }

  private List<Path> cacheFiles() throws Exception {
    Path cache = dir.resolve(OptimizedModels.DIR);
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cache)) {
      return files.toList();
    }
  }

  @Test
  void theFirstLoadWritesTheOptimisedGraphAndTheNextReadsItWithTheSameAnswers() throws Exception {
    Path model = model();
    String sha256 = Sha256.of(model);

    float[] first = run(model, sha256);
    Path cached = OptimizedModels.cached(model, sha256);
    assertThat(cacheFiles()).containsExactly(cached);
    long written = Files.getLastModifiedTime(cached).toMillis();
    float[] second = run(model, sha256);

    assertThat(second).containsExactly(first);
    assertThat(Files.getLastModifiedTime(cached).toMillis()).isEqualTo(written);
  }

  @Test
  void aDamagedCacheFileIsNotTrustedButWrittenAgain() throws Exception {
    Path model = model();
    String sha256 = Sha256.of(model);
    float[] expected = run(model, sha256);
    Path cached = OptimizedModels.cached(model, sha256);
    Files.write(cached, new byte[] {1, 2, 3, 4});

    assertThat(run(model, sha256)).containsExactly(expected);
    assertThat(Files.size(cached)).isGreaterThan(1000);
  }

  @Test
  void aChangedModelNeverReusesTheOldOptimisation() {
    Path model = dir.resolve("emotion.onnx");

    Path a = OptimizedModels.cached(model, "a".repeat(64));

    assertThat(a).isNotEqualTo(OptimizedModels.cached(model, "b".repeat(64)));
    assertThat(a.getParent()).isEqualTo(dir.resolve(OptimizedModels.DIR));
  }

  @Test
  void loadsStartedTogetherLeaveOneCompleteFileAndNoTemporaryOnes() throws Exception {
    Path model = model();
    String sha256 = Sha256.of(model);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<float[]>> loads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        loads.add(() -> run(model, sha256));
      }
      List<float[]> answers = new ArrayList<>();
      for (Future<float[]> f : pool.invokeAll(loads)) {
        answers.add(f.get());
      }
      assertThat(answers).allSatisfy(a -> assertThat(a).containsExactly(answers.get(0)));
    } finally {
      pool.shutdownNow();
    }

    assertThat(cacheFiles()).containsExactly(OptimizedModels.cached(model, sha256));
    assertThat(run(model, sha256)).containsExactly(run(model, sha256));
  }
}
