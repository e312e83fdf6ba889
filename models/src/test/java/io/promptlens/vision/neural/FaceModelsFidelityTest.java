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
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Human's face models (BlazeFace, GEAR's age head, expression) and its Selfie person segmentation,
 * converted by our converter, match the TF.js originals run by {@code tools/graph-reference.mjs}
 * (pure-JS CPU backend) on five real images (Selfie: six, the street photo added): every sampled
 * output value within the stated absolute tolerance (BlazeFace's outputs are logits and box
 * regressions in input pixels, with magnitudes up to ~100, hence 1e-2; the others are
 * probabilities; Selfie's 1e-3 allows for the float rounding of its 67-deep chain of sums).
 */
class FaceModelsFidelityTest {

  @ParameterizedTest
  @CsvSource({
    "blazeface, models/blazeface.json, 'Identity Identity_1 Identity_2 Identity_3', 256, rgb-sym, 1e-2",
    "gear, models/gear.json, Identity, 198, rgb-unit, 1e-4",
    "emotion, models/emotion.json, Identity, 64, grey-sym, 1e-4",
    "selfie, models/selfie.json, activation_10, 256, rgb-unit, 1e-3"
  })
  void convertedModelMatchesTheTfjsReference(
      String id, String graph, String outputs, int size, String mode, double tolerance)
      throws Exception {
    ModelStore store = InstalledModels.requireSources(id);
    Path onnx = Path.of("target", "neural-figures", id + "-under-test.onnx");
    Files.createDirectories(onnx.getParent());
    TfjsConverter.convert(store.path(id, graph), List.of(outputs.split(" ")), onnx);
    JsonNode reference;
    try (InputStream in = FidelityFixtures.resource(id + "-reference.json")) {
      reference = JsonMapper.builder().build().readTree(in);
    }
    int stride = reference.path("stride").asInt();
    assertThat(reference.path("results").size()).isGreaterThanOrEqualTo(5);
    List<String> figures = new ArrayList<>();
    try (OnnxSession session = OnnxSession.open(id, onnx, Sha256.of(onnx))) {
      for (JsonNode r : reference.path("results")) {
        int channels = mode.equals("grey-sym") ? 1 : 3;
        Map<String, OnnxSession.Output> out =
            session.run(
                input(r.path("image").asString(), size, mode),
                new long[] {1, size, size, channels});
        for (String name : outputs.split(" ")) {
          JsonNode expected = r.path("outputs").path(name);
          float[] actual = out.get(name).values();
          assertThat(actual).hasSize(expected.path("size").asInt());
          double worst = 0;
          for (int k = 0; k < expected.path("sample").size(); k++) {
            worst =
                Math.max(
                    worst,
                    Math.abs(actual[k * stride] - expected.path("sample").get(k).asDouble()));
          }
          figures.add(
              String.format(
                  Locale.ROOT,
                  "%s %s %s: max |diff| %.3g",
                  id,
                  r.path("image").asString(),
                  name,
                  worst));
          assertThat(worst)
              .as("%s %s %s", id, r.path("image").asString(), name)
              .isLessThanOrEqualTo(tolerance);
        }
      }
    }
    Files.write(onnx.resolveSibling(id + "-fidelity.txt"), figures);
  }

  /** The PNG as the Node runner builds the input for {@code mode}. */
  private static float[] input(String name, int size, String mode) throws Exception {
    int[] rgb = FidelityFixtures.rgb(name, size);
    boolean grey = mode.equals("grey-sym");
    float[] x = new float[size * size * (grey ? 1 : 3)];
    for (int i = 0; i < rgb.length; i++) {
      int r = (rgb[i] >> 16) & 0xff;
      int g = (rgb[i] >> 8) & 0xff;
      int b = rgb[i] & 0xff;
      switch (mode) {
        case "rgb-unit" -> {
          x[3 * i] = r / 255f;
          x[3 * i + 1] = g / 255f;
          x[3 * i + 2] = b / 255f;
        }
        case "rgb-sym" -> {
          x[3 * i] = r / 127f - 1;
          x[3 * i + 1] = g / 127f - 1;
          x[3 * i + 2] = b / 127f - 1;
        }
        default ->
            x[i] = (float) ((0.2989 * r / 255 + 0.587 * g / 255 + 0.114 * b / 255 - 0.5) * 2);
      }
    }
    return x;
  }
}
