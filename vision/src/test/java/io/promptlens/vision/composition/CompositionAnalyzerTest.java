package io.promptlens.vision.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.promptlens.core.analysis.CameraAngle;
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

    assertThat(c.subjectPosition()).hasToString("left third");
    assertThat(c.shotScale()).hasToString("wide");
    assertThat(c.subjectBox().get(0)).isCloseTo((W / 3.0 - 40) / W, within(0.03));
    assertThat(c.subjectBox().get(2)).isCloseTo(80.0 / W, within(0.04));
    assertThat(c.subjectSize()).isCloseTo(Math.PI * 40 * 40 / (W * H), within(0.01));
    assertThat(c.confidence()).isGreaterThan(0.5);
    assertThat(c.negativeSpace()).isGreaterThan(0.85);
  }

  @Test
  void subjectOnTheUpperRightIntersection() {
    Composition c = analyze(disc(2 * W / 3.0, H / 3.0, 30));

    assertThat(c.subjectPosition()).hasToString("upper-right third");
  }

  @Test
  void largeCentredSubjectIsAMediumShot() {
    Composition c = analyze(disc(W / 2.0, H / 2.0, 110));

    assertThat(c.subjectPosition()).hasToString("center");
    assertThat(c.shotScale()).hasToString("medium");
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
      assertThat(c.cameraAngle()).hasToString("eye level");
    }
  }

  @Test
  void horizonLowInTheFrameMeansALowCamera() {
    Composition c = analyze(TestImages.rgb(800, 600, (x, y) -> y < 540 ? 0x9CC3E6 : 0x35522B));

    assertThat(c.horizonY()).isCloseTo(0.9, within(0.01));
    assertThat(c.cameraAngle()).hasToString("low angle");
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
  void roadEdgesConvergingOnAKnownPointAreLeadingLines() {
    // Two road edges from the bottom corners' region to a vanishing point at (0.6, 0.4).
    double vx = 0.6 * 800;
    double vy = 0.4 * 600;
    BufferedImage image =
        TestImages.rgb(
            800,
            600,
            (x, y) -> {
              if (y < vy) {
                return 0x9CC3E6;
              }
              double t = (y - vy) / (600 - vy);
              double left = vx + t * (80 - vx);
              double right = vx + t * (760 - vx);
              return x >= left && x <= right ? 0x404040 : 0x4F7A3A;
            });

    Composition c = analyze(image);

    assertThat(c.leadingLines()).isTrue();
    assertThat(c.leadingLinesConfidence()).isGreaterThanOrEqualTo(0.5);
    assertThat(c.vanishingPoint().get(0)).isCloseTo(0.6, within(0.03));
    assertThat(c.vanishingPoint().get(1)).isCloseTo(0.4, within(0.03));
  }

  @Test
  void reusedBuffersGiveTheSameAnswerTwice() {
    BufferedImage planks = ground(15, true);
    Composition first = analyze(planks);
    analyze(ground(90, false));

    assertThat(analyze(planks)).isEqualTo(first);
  }

  @Test
  void perspectiveGroundOfAKnownPitchConvergesOnItsHorizon() {
    Composition c = analyze(ground(15, true));

    assertThat(c.leadingLines()).isTrue();
    // Camera pitched 15° down, vertical field of view 50°: the horizon is tan 15° / tan 25° of
    // the half-height above the centre.
    double horizon = 0.5 - 0.5 * Math.tan(Math.toRadians(15)) / Math.tan(Math.toRadians(25));
    assertThat(c.vanishingPoint().get(1)).isCloseTo(horizon, within(0.03));
    assertThat(c.vanishingPoint().get(0)).isCloseTo(0.5, within(0.03));
    assertThat(c.cameraAngle()).isNotEqualTo(CameraAngle.TOP_DOWN);
  }

  @Test
  void parallelOrFrameParallelLinesAreNotLeadingLines() {
    BufferedImage stripes =
        TestImages.rgb(
            800,
            600,
            (x, y) ->
                Math.floorMod((int) Math.floor((x + y) / 60.0), 2) == 0 ? 0xE0E0E0 : 0x202020);
    Composition striped = analyze(stripes);
    // Frame-parallel edges only (random blocks): many lines, none oblique.
    Composition blocks = analyze(Synthetic.gray(Synthetic.blocks(W, H, 40, 6), W, H));
    assertThat(striped.leadingLines()).as("%s", striped).isFalse();
    assertThat(blocks.leadingLines()).as("%s", blocks).isFalse();
    assertThat(analyze(TestImages.solid(W, H, 0x808080)).leadingLines()).isNull();
  }

  @Test
  void groundSeenFromStraightAboveIsTopDown() {
    Composition down = analyze(ground(90, false));
    Composition nearlyDown = analyze(ground(78, false));
    Composition oblique = analyze(ground(45, false));

    assertThat(down.cameraAngle()).hasToString("top-down");
    assertThat(down.cameraAngleConfidence())
        .isGreaterThan(0.5)
        .isLessThanOrEqualTo(CompositionAnalyzer.TOP_DOWN_MAX_CONFIDENCE);
    assertThat(nearlyDown.cameraAngle()).hasToString("top-down");
    assertThat(oblique.cameraAngle()).isNotEqualTo(CameraAngle.TOP_DOWN);
    assertThat(analyze(TestImages.solid(W, H, 0x808080)).cameraAngle()).isNull();
  }

  @Test
  void denseTextureLinesUpNoHorizonByChance() {
    // Seen from straight above, the wave-textured ground has edges at every orientation.
    assertThat(analyze(ground(90, false)).horizonY()).isNull();
    assertThat(
            CompositionAnalyzer.textureGradientRatio(Synthetic.frame(ground(90, false)).coarse()))
        .isCloseTo(1.0, within(0.05));
  }

  @Test
  void alignmentSignificanceFollowsTheBinomialTail() {
    // P[Bin(10, 0.5) ≥ 10] = 2^-10; P[Bin(4, 0.5) ≥ 2] = 11/16.
    assertThat(Alignments.log10Tail(10, 10, 0.5)).isCloseTo(-10 * Math.log10(2), within(1e-9));
    assertThat(Alignments.log10Tail(4, 2, 0.5)).isCloseTo(Math.log10(11 / 16.0), within(1e-9));
    assertThat(Alignments.meaningful(256, 200, 0.1, 1e4)).isTrue();
    assertThat(Alignments.meaningful(256, 30, 0.1, 1e4)).isFalse();
  }

  @Test
  void topDownRatioFollowsFromTheGeometry() {
    assertThat(CompositionAnalyzer.TOP_DOWN_RATIO).isCloseTo(1.25, within(0.01));
  }

  /**
   * A pinhole camera 1 unit above a ground textured by plane waves (or, with {@code planks}, dark
   * seams every 0.5 units along the view), pitched {@code pitch}° down, vertical field of view 50°,
   * 800 × 600; sky above the horizon.
   */
  private static BufferedImage ground(double pitch, boolean planks) {
    double f = 300 / Math.tan(Math.toRadians(25));
    double a = Math.toRadians(pitch);
    return TestImages.rgb(
        800,
        600,
        (x, y) -> {
          double u = (x + 0.5 - 400) / f;
          double v = (y + 0.5 - 300) / f;
          // Ray in camera axes (right, down, forward) to world (right, forward, up).
          double forward = Math.cos(a) - v * Math.sin(a);
          double down = Math.sin(a) + v * Math.cos(a);
          if (down <= 1e-6) {
            return 0x9CC3E6;
          }
          double gx = u / down;
          double gy = forward / down;
          if (planks) {
            double seam = Math.abs(gx / 0.5 - Math.round(gx / 0.5));
            return seam < 0.03 ? 0x202020 : 0xB08850;
          }
          // Eight plane waves of random orientation, periods 0.01..0.02 units: no straight seams.
          double g = 128;
          for (int k = 0; k < 8; k++) {
            double theta = 2.399963 * k;
            double period = 0.01 + 0.00125 * k;
            g +=
                14
                    * Math.sin(
                        2 * Math.PI * (gx * Math.cos(theta) + gy * Math.sin(theta)) / period + k);
          }
          return (int) Math.round(g) * 0x010101;
        });
  }
}
