package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.ImageFormat;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.intake.ImageIntake;
import io.promptlens.vision.intake.IntakeLimits;
import io.promptlens.vision.models.ModelStore;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the text probe decides (issue 17): a photo without text pays for one detection at {@value
 * TextDetector#PROBE_LIMIT} px and nothing else, a photo or page with text is read as before. Real
 * images from the test resources, enlarged past twice the probe's size so the probe runs.
 */
class TextProbeTest {

  private static NeuralAnalyzers neural;

  @BeforeAll
  static void load() {
    ModelStore store = InstalledModels.require("ocr-det", "ocr-rec", "ocr-cls", "nsfw");
    neural = NeuralAnalyzers.load(store);
  }

  @AfterAll
  static void close() {
    if (neural != null) {
      neural.close();
    }
  }

  private static BufferedImage read(String resource) throws Exception {
    try (InputStream in = TextProbeTest.class.getResourceAsStream(resource)) {
      return new ImageIntake(IntakeLimits.defaults()).decode(in.readAllBytes()).pixels();
    }
  }

  private static DecodedImage enlarged(String resource, int longSide) throws Exception {
    BufferedImage src = read(resource);
    double scale = (double) longSide / Math.max(src.getWidth(), src.getHeight());
    int w = (int) Math.round(src.getWidth() * scale);
    int h = (int) Math.round(src.getHeight() * scale);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    return new DecodedImage(out, w, h, ImageFormat.PNG);
  }

  private static String ocrDetail(ImageAnalysis analysis) {
    return analysis.provenance().stream()
        .filter(p -> p.component().equals("vision.neural.ocr"))
        .findFirst()
        .orElseThrow()
        .detail();
  }

  @Test
  void aGardenPhotoWithoutTextIsProbedAndNotReadAndTheProvenanceSaysSo() throws Exception {
    // Leptonica's house-and-garden photo, 1,000 px: the 960 px detection found three false
    // regions in its foliage; the probe sees none.
    DecodedImage garden = enlarged("fidelity/wyom.png", 1000);
    assertThat(neural.textDetectorForTest().mayHoldText(garden.pixels())).isFalse();

    ImageAnalysis analysis = neural.enrich(new ImageAnalyzer().analyze(garden), garden);

    assertThat(analysis.text().lines()).isEmpty();
    assertThat(ocrDetail(analysis)).contains("the probe at 320 px saw no text");
  }

  @Test
  void aStreetPhotoWithASignIsStillReadInFull() throws Exception {
    DecodedImage street = enlarged("acceptance/street-scenetext01.jpg", 1200);

    ImageAnalysis analysis = neural.enrich(new ImageAnalyzer().analyze(street), street);

    assertThat(analysis.text().content()).contains("PARKING").contains("PROHIBITED");
    assertThat(ocrDetail(analysis)).doesNotContain("probe");
    assertThat(neural.readingLoaded()).isTrue();
  }

  @Test
  void aPageIsProbedAsHoldingTextAndReadAsBefore() throws Exception {
    DecodedImage page = enlarged("ocr/phototest.tif", 1280);

    assertThat(neural.textDetectorForTest().mayHoldText(page.pixels())).isTrue();
    assertThat(neural.enrich(new ImageAnalyzer().analyze(page), page).text().content())
        .contains("The quick brown dog jumped over the");
  }

  @Test
  void theProbeRunsOnASessionOfItsOwnThatMapsToTheBitAsTheDetectionSessionAndOpensNothingElse()
      throws Exception {
    // The probe's session keeps ONNX Runtime's memory arena (twice as fast at 320 px); memory
    // handling must not change a probability, and a photo without text must not open the
    // detection's session.
    try (TextDetector detector =
        TextDetector.load(ModelLoader.of(InstalledModels.require("ocr-det")))) {
      DecodedImage garden = enlarged("fidelity/wyom.png", 1000);
      assertThat(detector.mayHoldText(garden.pixels())).isFalse();
      assertThat(detector.detectionLoaded()).isFalse();

      // A page, so that the maps compared hold text and are not two empty ones.
      DecodedImage page = enlarged("ocr/phototest.tif", 1280);
      TextDetector.ProbabilityMap[] maps = detector.probeAndDetectionMaps(page.pixels());
      assertThat(detector.detectionLoaded()).isTrue();
      assertThat(maps[0].width()).isEqualTo(maps[1].width()).isEqualTo(320);
      assertThat(maps[0].values()).isEqualTo(maps[1].values());
      assertThat(detector.textPixels(page.pixels(), TextDetector.PROBE_LIMIT)).isPositive();
    }
  }

  @Test
  void anImageUpToTwiceTheProbeSizeIsNotProbedBecauseTheFullDetectionCostsAsLittle()
      throws Exception {
    // A blank 640 px image: no probe, so "may hold text" until the detection itself says no.
    BufferedImage blank = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);

    assertThat(neural.textDetectorForTest().mayHoldText(blank)).isTrue();
  }
}
