package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.models.tfjs.TfjsConverter;
import io.promptlens.vision.models.ModelStore;
import io.promptlens.vision.models.Sha256;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * nsfwjs's bundled MobileNetV2Mid, read from its {@code .min.js} files and converted by our
 * converter, matches the original run by {@code tools/nsfw-reference.mjs} (pure-JS TF.js CPU
 * backend) on five real photos and a cartoon: every class probability within {@value #TOLERANCE}.
 */
class NsfwFidelityTest {

  static final double TOLERANCE = 1e-4;

  @Test
  void convertedModelMatchesTheTfjsReference() throws Exception {
    ModelStore store = InstalledModels.requireSources("nsfw");
    Path onnx = Path.of("target", "neural-figures", "nsfw-under-test.onnx");
    Files.createDirectories(onnx.getParent());
    TfjsConverter.convert(
        store.path("nsfw", "dist/models/mobilenet_v2_mid/model.min.js"), List.of("Identity"), onnx);
    JsonNode reference;
    try (InputStream in = FidelityFixtures.resource("nsfw-reference.json")) {
      reference = JsonMapper.builder().build().readTree(in);
    }
    assertThat(reference.path("results").size()).isGreaterThanOrEqualTo(5);
    List<String> figures = new ArrayList<>();
    try (SafetyClassifier classifier = SafetyClassifier.open(onnx, Sha256.of(onnx))) {
      for (JsonNode r : reference.path("results")) {
        float[] p =
            classifier.probabilities(
                FidelityFixtures.rgbInput(r.path("image").asString(), 224, 255f));
        double worst = 0;
        for (int i = 0; i < p.length; i++) {
          worst = Math.max(worst, Math.abs(p[i] - r.path("probabilities").get(i).asDouble()));
        }
        figures.add(
            String.format(Locale.ROOT, "%s: max |diff| %.3g", r.path("image").asString(), worst));
        assertThat(worst).as(r.path("image").asString()).isLessThanOrEqualTo(TOLERANCE);
      }
    }
    Files.write(onnx.resolveSibling("nsfw-fidelity.txt"), figures);
  }
}
