package io.promptlens.vision.focus;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.vision.Synthetic;
import io.promptlens.vision.TestImages;
import org.junit.jupiter.api.Test;

class NoiseEstimatorTest {

  private static NoiseEstimator.Estimate measure(java.awt.image.BufferedImage image) {
    return new NoiseEstimator().measure(Synthetic.frame(image).luma());
  }

  @Test
  void flatFillsAndLinearGradientsAreExactlyPlanar() {
    NoiseEstimator.Estimate e =
        measure(
            TestImages.rgb(
                640,
                480,
                (x, y) ->
                    x < 320
                        ? Synthetic.lch(0.4 + 0.3 * y / 480.0, 0.05, 200)
                        : (y < 240 ? 0xC04020 : 0x2060A0)));

    assertThat(e.planarShare()).isGreaterThan(0.9);
  }

  @Test
  void cameraNoiseOfOneCodeValueLeavesFewPlanarPixels() {
    // The mask response to white noise of σ = 1 has σ = 6, so under half a code value ~7 % of the
    // time.
    float[] v =
        Synthetic.noise(Synthetic.gaussian(Synthetic.blocks(640, 480, 40, 2), 640, 480, 6), 1, 4);

    NoiseEstimator.Estimate e = measure(Synthetic.gray(v, 640, 480));

    assertThat(e.planarShare()).isLessThan(0.2);
    assertThat(e.sigma()).isBetween(0.8, 1.3);
  }

  @Test
  void aPlaneTooSmallOrAllClippedHasNoEstimate() {
    assertThat(
            new NoiseEstimator()
                .measure(Synthetic.frame(TestImages.solid(64, 64, 0xFFFFFF)).luma())
                .planarShare())
        .isNaN();
  }
}
