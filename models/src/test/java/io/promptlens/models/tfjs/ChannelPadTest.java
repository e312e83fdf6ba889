package io.promptlens.models.tfjs;

import static io.promptlens.models.tfjs.GraphBuilder.list;
import static io.promptlens.models.tfjs.GraphBuilder.s;
import static io.promptlens.models.tfjs.Reference.random;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zero channels appended to a convolution's result (BlazeFace's widening shortcuts) become a 1 × 1
 * Conv with identity weights, which ONNX Runtime keeps in its blocked layout, with the Pad's values
 * bit for bit; a Pad whose channel count cannot be told, or that pads another axis, stays a Pad.
 */
class ChannelPadTest {

  private static GraphBuilder convolutionThenPad(float[] filter, long... paddings) {
    return new GraphBuilder()
        .input("x", 1, 3, 2, 2)
        .constant("w", new long[] {1, 1, 2, 2}, filter)
        .ints("p", paddings)
        .node("c", "Conv2D", List.of("x", "w"), s("padding", "VALID"), list("strides", 1, 1, 1, 1))
        .node(
            "m",
            "MaxPool",
            List.of("c"),
            list("ksize", 1, 1, 1, 1),
            list("strides", 1, 1, 1, 1),
            s("padding", "VALID"))
        .node("y", "Pad", List.of("m", "p"));
  }

  @Test
  void zeroChannelsAfterAConvolutionAndPoolBecomeAnIdentityConvolution() throws Exception {
    float[] x = random(21, 3 * 2 * 2);
    float[] filter = random(22, 2 * 2);
    GraphBuilder g = convolutionThenPad(filter, 0, 0, 0, 0, 0, 0, 0, 3);

    assertThat(g.count("y", "Pad")).isZero();
    assertThat(g.count("y", "Conv")).isEqualTo(2);
    float[] conv = Reference.conv(x, 3, 2, 2, filter, 1, 1, 2, 1, false, false);
    float[] expected = new float[3 * 2 * 5];
    for (int pixel = 0; pixel < 6; pixel++) {
      System.arraycopy(conv, pixel * 2, expected, pixel * 5, 2);
    }
    // Exact: each result is x · 1 plus products with zero.
    assertThat(g.run("y", x, 1, 3, 2, 2)).containsExactly(expected);
  }

  @Test
  void aSecondWideningCountsTheChannelsTheFirstAdded() throws Exception {
    float[] x = random(24, 3 * 2 * 2);
    float[] wide = random(25, 2 * 4);
    GraphBuilder g =
        convolutionThenPad(random(22, 2 * 2), 0, 0, 0, 0, 0, 0, 0, 2)
            .constant("w4", new long[] {1, 1, 2, 4}, wide)
            .node(
                "c4",
                "Conv2D",
                List.of("x", "w4"),
                s("padding", "VALID"),
                list("strides", 1, 1, 1, 1))
            .node("sum", "AddV2", List.of("c4", "y"))
            .ints("p2", 0, 0, 0, 0, 0, 0, 0, 4)
            .node("z", "Pad", List.of("sum", "p2"));

    assertThat(g.count("z", "Pad")).isZero();
    float[] z = g.run("z", x, 1, 3, 2, 2);
    assertThat(z).hasSize(3 * 2 * 8);
    for (int pixel = 0; pixel < 6; pixel++) {
      for (int c = 4; c < 8; c++) {
        assertThat(z[pixel * 8 + c]).isZero();
      }
    }
  }

  @Test
  void aPadOfAnotherAxisStaysAPad() throws Exception {
    GraphBuilder g = convolutionThenPad(random(23, 4), 0, 0, 1, 0, 0, 0, 0, 0);
    assertThat(g.count("y", "Pad")).isEqualTo(1);
  }

  @Test
  void aPadOfUnknownChannelsStaysAPad() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 1, 1, 2)
            .ints("p", 0, 0, 0, 0, 0, 0, 0, 1)
            .node("y", "Pad", List.of("x", "p"));
    assertThat(g.count("y", "Pad")).isEqualTo(1);
    assertThat(g.run("y", new float[] {4, 5}, 1, 1, 1, 2)).containsExactly(4, 5, 0);
  }
}
