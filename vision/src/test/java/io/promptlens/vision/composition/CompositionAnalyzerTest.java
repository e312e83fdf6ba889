package io.promptlens.vision.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.promptlens.core.analysis.Composition;
import io.promptlens.vision.Synthetic;
import io.promptlens.vision.TestImages;
import io.promptlens.vision.measure.AnalysisFrame;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CompositionAnalyzerTest {

  private static final int W = 600;
  private static final int H = 400;

  private final SaliencyDetector saliency = new SaliencyDetector();
  private final CompositionAnalyzer analyzer = new CompositionAnalyzer();

  private Composition analyze(BufferedImage image) {
    AnalysisFrame frame = Synthetic.frame(image);
    return analyzer.analyze(frame, saliency.detect(frame.coarse()));
  }

  private static BufferedImage disc(double cx, double cy, double radius) {
    return TestImages.rgb(
        W, H, (x, y) -> Math.hypot(x - cx, y - cy) <= radius ? 0xD02020 : 0x708090);
  }

  @Test
  void subjectOnTheLeftThirdIsFoundThere() {
    Composition c = analyze(disc(W / 3.0, H / 2.0, 40));

    assertThat(c.subjectPosition()).isEqualTo("left third");
    assertThat(c.shotScale()).isEqualTo("wide");
    assertThat(c.subjectBox().get(0)).isCloseTo((W / 3.0 - 40) / W, within(0.03));
    assertThat(c.subjectBox().get(2)).isCloseTo(80.0 / W, within(0.04));
    assertThat(c.subjectSize()).isCloseTo(Math.PI * 40 * 40 / (W * H), within(0.01));
    assertThat(c.confidence()).isGreaterThan(0.5);
    assertThat(c.negativeSpace()).isGreaterThan(0.85);
  }

  @Test
  void subjectOnTheUpperRightIntersection() {
    Composition c = analyze(disc(2 * W / 3.0, H / 3.0, 30));

    assertThat(c.subjectPosition()).isEqualTo("upper-right third");
  }

  @Test
  void largeCentredSubjectIsAMediumShot() {
    Composition c = analyze(disc(W / 2.0, H / 2.0, 110));

    assertThat(c.subjectPosition()).isEqualTo("center");
    assertThat(c.shotScale()).isEqualTo("medium");
  }

  @Test
  void uniformImageHasNoSubject() {
    Composition c = analyze(TestImages.solid(W, H, 0x808080));

    assertThat(c.subjectPosition()).isNull();
    assertThat(c.shotScale()).isNull();
    assertThat(c.symmetry()).isNull();
    assertThat(c.horizonY()).isNull();
  }

  @Test
  void horizonAtAKnownAngleGivesItsTilt() {
    for (double degrees : new double[] {-8, -3, 0, 5, 12}) {
      double slope = Math.tan(Math.toRadians(degrees));
      BufferedImage image =
          TestImages.rgb(
              800, 600, (x, y) -> y < 0.45 * 600 - slope * (x - 400) ? 0x9CC3E6 : 0x35522B);

      Composition c = analyze(image);

      assertThat(c.tiltDegrees()).as("tilt %s", degrees).isCloseTo(degrees, within(0.5));
      assertThat(c.horizonY()).isCloseTo(0.45, within(0.01));
      assertThat(c.cameraAngle()).isEqualTo("eye level");
    }
  }

  @Test
  void horizonLowInTheFrameMeansALowCamera() {
    Composition c = analyze(TestImages.rgb(800, 600, (x, y) -> y < 540 ? 0x9CC3E6 : 0x35522B));

    assertThat(c.horizonY()).isCloseTo(0.9, within(0.01));
    assertThat(c.cameraAngle()).isEqualTo("low angle");
  }

  @Test
  void mirrorImageIsSymmetric() {
    float[] half = Synthetic.blocks(W / 2, H, 20, 3);
    float[] v = new float[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W / 2; x++) {
        v[y * W + x] = half[y * (W / 2) + x];
        v[y * W + W - 1 - x] = half[y * (W / 2) + x];
      }
    }

    assertThat(analyze(Synthetic.gray(v, W, H)).symmetry()).isGreaterThan(0.95);
    assertThat(analyze(Synthetic.gray(Synthetic.blocks(W, H, 20, 4), W, H)).symmetry())
        .isLessThan(0.5);
  }

  @Test
  void positionWords() {
    assertThat(CompositionAnalyzer.position(0.5, 0.5)).isEqualTo("center");
    assertThat(CompositionAnalyzer.position(1 / 3.0, 0.5)).isEqualTo("left third");
    assertThat(CompositionAnalyzer.position(0.5, 2 / 3.0)).isEqualTo("lower third");
    assertThat(CompositionAnalyzer.position(1 / 3.0, 1 / 3.0)).isEqualTo("upper-left third");
    assertThat(CompositionAnalyzer.position(0.1, 0.5)).isEqualTo("left edge");
    assertThat(CompositionAnalyzer.position(0.5, 0.95)).isEqualTo("bottom edge");
    assertThat(CompositionAnalyzer.position(0.9, 0.1)).isEqualTo("top-right corner");
  }
}
