package io.promptlens.vision.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.promptlens.core.analysis.DepthOfField;
import io.promptlens.core.analysis.Focus;
import io.promptlens.vision.Synthetic;
import io.promptlens.vision.TestImages;
import org.junit.jupiter.api.Test;

class FocusAnalyzerTest {

  private static final int W = 640;
  private static final int H = 480;

  private final FocusAnalyzer analyzer = new FocusAnalyzer();

  private Focus analyze(float[] v) {
    return analyzer.analyze(Synthetic.frame(Synthetic.gray(v, W, H)));
  }

  @Test
  void thresholdsAreOrderedEdgeWidths() {
    assertThat(BlurTiles.ofBlurredStep(0.5)).isLessThan(FocusAnalyzer.SHARP_BELOW);
    assertThat(FocusAnalyzer.SHARP_BELOW).isLessThan(FocusAnalyzer.BLURRED_FROM);
    assertThat(FocusAnalyzer.BLURRED_FROM).isLessThan(BlurTiles.ofBlurredStep(6));
  }

  @Test
  void crispTextureIsSharpWithDeepFocus() {
    Focus focus = analyze(Synthetic.blocks(W, H, 6, 1));

    assertThat(focus.sharpness()).isGreaterThan(0.75);
    assertThat(focus.depthOfField()).hasToString("deep");
    assertThat(focus.motionBlur()).isFalse();
    assertThat(focus.grain()).isFalse();
  }

  @Test
  void gaussianBlurLowersSharpnessMonotonically() {
    float[] sharp = Synthetic.blocks(W, H, 6, 2);
    double s0 = analyze(sharp).sharpness();
    double s2 = analyze(Synthetic.gaussian(sharp, W, H, 2)).sharpness();
    Focus blurred = analyze(Synthetic.gaussian(sharp, W, H, 4));

    assertThat(s2).isLessThan(s0);
    assertThat(blurred.sharpness()).isLessThan(s2);
    assertThat(blurred.depthOfField()).isNotEqualTo(DepthOfField.DEEP);
    assertThat(blurred.motionBlur()).isFalse();
  }

  @Test
  void sharpSubjectOnBlurredBackgroundIsShallow() {
    float[] sharp = Synthetic.blocks(W, H, 6, 3);
    float[] soft = Synthetic.gaussian(sharp, W, H, 6);
    float[] v = new float[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        boolean subject = Math.abs(x - W / 2) < W / 6 && Math.abs(y - H / 2) < H / 4;
        v[y * W + x] = subject ? sharp[y * W + x] : soft[y * W + x];
      }
    }

    Focus focus = analyze(v);

    assertThat(focus.depthOfField()).hasToString("shallow");
    assertThat(focus.depthOfFieldConfidence()).isGreaterThan(0.5);
    assertThat(focus.sharpness()).isGreaterThan(0.6);
  }

  @Test
  void noiseOfKnownSigmaIsRecovered() {
    float[] ramp = new float[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        ramp[y * W + x] = 60 + 140f * x / W;
      }
    }
    for (double sigma : new double[] {2, 5, 8}) {
      Focus focus = analyze(Synthetic.noise(ramp, sigma, 7));
      assertThat(focus.noiseSigma()).as("sigma %s", sigma).isCloseTo(sigma, within(0.15 * sigma));
    }
    assertThat(analyze(Synthetic.noise(ramp, 5, 8)).grain()).isTrue();
    assertThat(analyze(ramp).noiseSigma()).isLessThan(0.5);
  }

  @Test
  void axisAlignedBlurIsMotionBlurWithItsDirection() {
    float[] sharp = Synthetic.blocks(W, H, 4, 4);

    Focus horizontal = analyze(Synthetic.motion(sharp, W, H, 21, 1, 0));
    Focus vertical = analyze(Synthetic.motion(sharp, W, H, 21, 0, 1));

    assertThat(horizontal.motionBlur()).isTrue();
    assertThat(horizontal.motionDirection()).hasToString("horizontal");
    assertThat(vertical.motionBlur()).isTrue();
    assertThat(vertical.motionDirection()).hasToString("vertical");
  }

  @Test
  void diagonalBlurOfAKnownAngleIsMotionBlurAtThatAngle() {
    float[] sharp = Synthetic.blocks(W, H, 4, 4);
    for (double degrees : new double[] {30, 45, 120, 135}) {
      Focus focus = analyze(Synthetic.motionAt(sharp, W, H, 31, degrees));

      assertThat(focus.motionBlur()).as("%s°", degrees).isTrue();
      assertThat(focus.motionAngleDegrees()).as("%s°", degrees).isCloseTo(degrees, within(3.0));
      assertThat(focus.motionDirection())
          .hasToString(degrees < 90 ? "diagonal-rising" : "diagonal-falling");
      assertThat(focus.motionConfidence()).isGreaterThan(0.5);
    }
  }

  @Test
  void isotropicBlurAndCrispTextureHaveNoMotionDirection() {
    float[] sharp = Synthetic.blocks(W, H, 4, 4);
    for (float[] v : new float[][] {sharp, Synthetic.gaussian(sharp, W, H, 3)}) {
      Focus focus = analyze(v);

      assertThat(focus.motionBlur()).isFalse();
      assertThat(focus.motionDirection()).isNull();
      assertThat(focus.motionConfidence()).isGreaterThan(0.8);
    }
  }

  @Test
  void structureTensorCoherenceOfABoxFollowsTheWhiteNoiseModel() {
    assertThat(FocusAnalyzer.coherenceOfBox(1)).isZero();
    assertThat(FocusAnalyzer.MOTION_COHERENCE).isCloseTo(0.824, within(0.001));
  }

  @Test
  void bokehDiscsBehindASharpSubjectAreBokeh() {
    assertThat(analyze(shallowScene(true)).bokeh()).isTrue();
    assertThat(analyze(shallowScene(false)).bokeh()).isFalse();
  }

  /**
   * A sharp textured subject in the middle third against a background blurred by σ = 6 px: with
   * highlights, a lattice of bright discs (code 235 on 60, 4.7 stops apart in linear light, radius
   * 12 px) before the blur; without, blurred block texture of the same mean.
   */
  private static float[] shallowScene(boolean highlights) {
    float[] background = Synthetic.blocks(W, H, 6, 9);
    if (highlights) {
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          double dx = (x % 80) - 40;
          double dy = (y % 60) - 30;
          background[y * W + x] =
              Math.hypot(dx, dy) <= 12 ? 235 : 60 + (background[y * W + x] - 40) / 8;
        }
      }
    }
    float[] soft = Synthetic.gaussian(background, W, H, 6);
    float[] sharp = Synthetic.blocks(W, H, 6, 3);
    float[] v = new float[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        boolean subject = Math.abs(x - W / 2) < W / 6 && Math.abs(y - H / 2) < H / 4;
        v[y * W + x] = subject ? sharp[y * W + x] : soft[y * W + x];
      }
    }
    return v;
  }

  @Test
  void radialFalloffIsAVignetteOfKnownStops() {
    double stops = 1.5;
    var image =
        TestImages.rgb(
            W,
            H,
            (x, y) -> {
              double r =
                  Math.hypot(x + 0.5 - W / 2.0, y + 0.5 - H / 2.0) / Math.hypot(W / 2.0, H / 2.0);
              double linear = 0.5 * Math.pow(2, -stops * r * r);
              int c = encode(linear);
              return c * 0x010101;
            });

    Focus focus = analyzer.analyze(Synthetic.frame(image));

    // Corner zone (r ≥ 0.85, mean r² ≈ 0.86) against the centre zone (mean r² ≈ 0.06).
    assertThat(focus.vignetteStops()).isCloseTo(stops * 0.8, within(0.2));
    assertThat(focus.vignette()).isTrue();
    assertThat(analyze(Synthetic.blocks(W, H, 6, 5)).vignette()).isFalse();
  }

  @Test
  void flatImageHasNoFocusFacts() {
    Focus focus = analyzer.analyze(Synthetic.frame(TestImages.solid(W, H, 0x808080)));

    assertThat(focus.sharpness()).isNull();
    assertThat(focus.depthOfField()).isNull();
  }

  @Test
  void reusedBuffersGiveTheSameAnswer() {
    float[] v = Synthetic.noise(Synthetic.blocks(W, H, 6, 9), 3, 9);
    Focus first = analyze(v);
    analyzer.analyze(Synthetic.frame(Synthetic.gray(Synthetic.blocks(320, 240, 3, 1), 320, 240)));

    assertThat(analyze(v)).isEqualTo(first);
  }

  private static int encode(double linear) {
    double v = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
    return (int) Math.round(v * 255);
  }
}
