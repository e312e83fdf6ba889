package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.vision.models.ModelStore;
import io.promptlens.vision.models.Sha256;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The models an analysis always runs run on their caller's thread alone, the text detector at full
 * size and the reader on the shared pool (issue 17: one thread per run was faster and cheaper side
 * by side); how many threads split a run must not change an answer. Runs on the real object model,
 * the largest of them.
 */
class OnnxSessionThreadsTest {

  @Test
  void fixedShapeModelsRunOnTheCallerAloneAndAnswerToTheBitAsOnThePool() throws Exception {
    assertThat(OnnxSession.callerOnly(OnnxSession.Shapes.FIXED)).isTrue();
    assertThat(OnnxSession.callerOnly(OnnxSession.Shapes.VARYING)).isFalse();

    ModelStore store = InstalledModels.require("centernet");
    Path model = store.converted("centernet");
    String sha256 = Sha256.of(model);
    try (OnnxSession alone =
            OnnxSession.open("centernet", model, sha256, OnnxSession.Shapes.FIXED);
        OnnxSession pooled =
            OnnxSession.open("centernet", model, sha256, OnnxSession.Shapes.VARYING)) {
      long[] shape = {1, 512, 512, 3};
      float[] input = new float[512 * 512 * 3];
      for (int i = 0; i < input.length; i++) {
        // A smooth pattern with edges, so that the detector's maps are not flat.
        input[i] = (float) (127.5 + 127.5 * Math.sin(i * 0.001) * Math.cos((i / 1536) * 0.05));
      }
      var a = alone.run(input, shape);
      var b = pooled.run(input, shape);
      assertThat(a.keySet()).isEqualTo(b.keySet());
      a.forEach((name, out) -> assertThat(out.values()).isEqualTo(b.get(name).values()));
    }
  }
}
