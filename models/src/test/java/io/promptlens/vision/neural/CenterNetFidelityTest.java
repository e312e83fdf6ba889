package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.vision.models.ModelStore;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ONNX model our converter makes from Human's CenterNet matches the original TF.js graph run by
 * {@code tools/centernet-reference.mjs} (pure-JS TF.js CPU backend) on five real 512 × 512 photos
 * (Leptonica's test images, BSD-2-Clause; see fidelity/SOURCES.md). Tolerances: heat-map values
 * (0..1) within {@value #KEY_TOLERANCE}, box extents (input pixels) within {@value #WH_TOLERANCE};
 * and every object our Java decoding keeps is one of the graph's own decoded detections, same
 * class, score within {@value #KEY_TOLERANCE}, box within {@value #BOX_TOLERANCE} px.
 */
class CenterNetFidelityTest {

  static final double KEY_TOLERANCE = 1e-5;
  static final double WH_TOLERANCE = 0.01;
  static final double BOX_TOLERANCE = 0.5;

  private static ObjectDetector detector;

  /** Converts the installed TF.js graph with the converter under test, into target/. */
  @BeforeAll
  static void load() throws Exception {
    ModelStore store = InstalledModels.requireSources("centernet");
    java.nio.file.Path onnx =
        java.nio.file.Path.of("target", "neural-figures", "centernet-under-test.onnx");
    java.nio.file.Files.createDirectories(onnx.getParent());
    io.promptlens.models.tfjs.TfjsConverter.convert(
        store.path("centernet", "models/centernet.json"),
        List.of("tower_0/keypoints", "tower_0/wh"),
        onnx);
    detector = ObjectDetector.open(onnx, io.promptlens.vision.models.Sha256.of(onnx));
  }

  @AfterAll
  static void close() {
    if (detector != null) {
      detector.close();
    }
  }

  @Test
  void convertedModelMatchesTheTfjsReference() throws Exception {
    JsonNode reference;
    try (InputStream in = FidelityFixtures.resource("centernet-reference.json")) {
      reference = JsonMapper.builder().build().readTree(in);
    }
    assertThat(reference.path("results").size()).isGreaterThanOrEqualTo(5);
    for (JsonNode r : reference.path("results")) {
      String image = r.path("image").asString();
      var out = detector.raw(FidelityFixtures.rgbInput(image, 512, 1));
      float[] keypoints = out.get("tower_0/keypoints").values();
      float[] wh = out.get("tower_0/wh").values();
      assertClose(
          image + " keypoints",
          keypoints,
          r.path("keypointsStride").asInt(),
          r.path("keypoints"),
          KEY_TOLERANCE);
      assertClose(image + " wh", wh, r.path("whStride").asInt(), r.path("wh"), WH_TOLERANCE);
      List<double[]> graph = new ArrayList<>();
      for (JsonNode row : r.path("detections")) {
        double[] d = new double[6];
        for (int i = 0; i < 6; i++) {
          d[i] = row.get(i).asDouble();
        }
        graph.add(d);
      }
      for (ObjectDetector.Detection d : ObjectDetector.decode(keypoints, wh)) {
        assertThat(graph)
            .as("%s: %s is among the graph's own detections", image, d)
            .anySatisfy(
                g -> {
                  assertThat(ObjectDetector.LABELS.get((int) g[5])).isEqualTo(d.label());
                  assertThat(g[4])
                      .isCloseTo(d.score(), org.assertj.core.data.Offset.offset(KEY_TOLERANCE));
                  assertThat(Math.max(0, g[0]))
                      .isCloseTo(d.x() * 512, org.assertj.core.data.Offset.offset(BOX_TOLERANCE));
                  assertThat(Math.max(0, g[1]))
                      .isCloseTo(d.y() * 512, org.assertj.core.data.Offset.offset(BOX_TOLERANCE));
                });
      }
    }
  }

  @Test
  void aPortraitIsAPerson() throws Exception {
    var out = detector.raw(FidelityFixtures.rgbInput("karen8.png", 512, 1));
    List<ObjectDetector.Detection> found =
        ObjectDetector.decode(
            out.get("tower_0/keypoints").values(), out.get("tower_0/wh").values());
    assertThat(found).extracting(ObjectDetector.Detection::label).contains("person");
  }

  private static final List<String> FIGURES = new ArrayList<>();

  @AfterAll
  static void writeFigures() throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of("target", "neural-figures");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.write(dir.resolve("centernet-fidelity.txt"), FIGURES);
  }

  private static void assertClose(
      String what, float[] actual, int stride, JsonNode expected, double tolerance) {
    double worst = 0;
    for (int k = 0; k < expected.size(); k++) {
      worst = Math.max(worst, Math.abs(actual[k * stride] - expected.get(k).asDouble()));
    }
    FIGURES.add(
        String.format(
            java.util.Locale.ROOT, "%s: %d values, max |diff| %.3g", what, expected.size(), worst));
    assertThat(worst).as("%s: largest difference from TF.js", what).isLessThanOrEqualTo(tolerance);
  }
}
