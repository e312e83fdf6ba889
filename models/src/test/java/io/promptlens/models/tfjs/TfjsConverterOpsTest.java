package io.promptlens.models.tfjs;

import static io.promptlens.models.tfjs.GraphBuilder.b;
import static io.promptlens.models.tfjs.GraphBuilder.f;
import static io.promptlens.models.tfjs.GraphBuilder.list;
import static io.promptlens.models.tfjs.GraphBuilder.s;
import static io.promptlens.models.tfjs.GraphBuilder.strings;
import static io.promptlens.models.tfjs.Reference.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per TF op the converter maps: a tiny graph with seeded random weights is converted, run
 * on ONNX Runtime and compared with a plain NHWC implementation of the op ({@link Reference}) or
 * with values worked out by hand.
 */
class TfjsConverterOpsTest {

  private static final Offset<Float> CLOSE = Offset.offset(1e-4f);

  private static void assertAllClose(float[] actual, float[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], CLOSE);
    }
  }

  @ParameterizedTest
  @CsvSource({"SAME,1", "SAME,2", "VALID,1", "VALID,2"})
  void conv2d(String padding, int stride) throws Exception {
    float[] x = random(1, 7 * 6 * 3);
    float[] filter = random(2, 3 * 3 * 3 * 4);
    GraphBuilder g =
        new GraphBuilder().input("x", 1, 7, 6, 3).constant("w", new long[] {3, 3, 3, 4}, filter);
    g.node(
        "y",
        "Conv2D",
        List.of("x", "w"),
        s("padding", padding),
        list("strides", 1, stride, stride, 1));
    float[] expected =
        Reference.conv(x, 7, 6, 3, filter, 3, 3, 4, stride, padding.equals("SAME"), false);
    assertAllClose(g.run("y", x, 1, 7, 6, 3), expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Relu", "Relu6", "LeakyRelu"})
  void fusedConv2dAddsBiasThenActivation(String activation) throws Exception {
    float[] x = random(3, 5 * 5 * 2);
    float[] filter = random(4, 1 * 1 * 2 * 3);
    float[] bias = {0.5f, -0.25f, 6f};
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 5, 5, 2)
            .constant("w", new long[] {1, 1, 2, 3}, filter)
            .constant("b", new long[] {3}, bias);
    g.node(
        "y",
        "_FusedConv2D",
        List.of("x", "w", "b"),
        s("padding", "VALID"),
        list("strides", 1, 1, 1, 1),
        strings("fused_ops", "BiasAdd", activation),
        f("leakyrelu_alpha", 0.1f));
    float[] expected = Reference.conv(x, 5, 5, 2, filter, 1, 1, 3, 1, false, false);
    for (int i = 0; i < expected.length; i++) {
      double v = expected[i] + bias[i % 3];
      expected[i] =
          (float)
              switch (activation) {
                case "Relu" -> Math.max(0, v);
                case "Relu6" -> Math.min(6, Math.max(0, v));
                default -> v < 0 ? 0.1 * v : v;
              };
    }
    assertAllClose(g.run("y", x, 1, 5, 5, 2), expected);
  }

  @ParameterizedTest
  @CsvSource({"SAME,1,1", "SAME,2,2", "VALID,1,2"})
  void depthwiseConv2d(String padding, int stride, int multiplier) throws Exception {
    float[] x = random(5, 6 * 6 * 3);
    float[] filter = random(6, 3 * 3 * 3 * multiplier);
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 6, 6, 3)
            .constant("w", new long[] {3, 3, 3, multiplier}, filter);
    g.node(
        "y",
        "DepthwiseConv2dNative",
        List.of("x", "w"),
        s("padding", padding),
        list("strides", 1, stride, stride, 1));
    float[] expected =
        Reference.conv(x, 6, 6, 3, filter, 3, 3, multiplier, stride, padding.equals("SAME"), true);
    assertAllClose(g.run("y", x, 1, 6, 6, 3), expected);
  }

  @Test
  void fusedDepthwiseConv2dWithBiasAndRelu() throws Exception {
    float[] x = random(7, 4 * 4 * 2);
    float[] filter = random(8, 3 * 3 * 2);
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 4, 4, 2)
            .constant("w", new long[] {3, 3, 2, 1}, filter)
            .constant("b", new long[] {2}, 0.3f, -0.3f);
    g.node(
        "y",
        "FusedDepthwiseConv2dNative",
        List.of("x", "w", "b"),
        s("padding", "SAME"),
        list("strides", 1, 1, 1, 1),
        strings("fused_ops", "BiasAdd", "Relu"));
    float[] expected = Reference.conv(x, 4, 4, 2, filter, 3, 3, 1, 1, true, true);
    for (int i = 0; i < expected.length; i++) {
      expected[i] = Math.max(0, expected[i] + (i % 2 == 0 ? 0.3f : -0.3f));
    }
    assertAllClose(g.run("y", x, 1, 4, 4, 2), expected);
  }

  @ParameterizedTest
  @CsvSource({"SAME,2,2,8", "SAME,3,2,7", "SAME,3,1,5", "VALID,3,2,9", "VALID,2,2,8"})
  void conv2dBackpropInput(String padding, int k, int stride, int result) throws Exception {
    boolean same = padding.equals("SAME");
    int in = Reference.outSize(result, k, stride, same);
    float[] x = random(21, in * in * 3);
    float[] filter = random(22, k * k * 2 * 3);
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, in, in, 3)
            .ints("sizes", 1, result, result, 2)
            .constant("w", new long[] {k, k, 2, 3}, filter);
    g.node(
        "y",
        "Conv2DBackpropInput",
        List.of("sizes", "w", "x"),
        s("padding", padding),
        list("strides", 1, stride, stride, 1));
    float[] expected = Reference.convTranspose(x, in, in, 3, filter, k, k, 2, stride, result, same);
    assertAllClose(g.run("y", x, 1, in, in, 3), expected);
  }

  @Test
  void explicitPaddingConv() throws Exception {
    float[] x = {1, 2, 3, 4};
    GraphBuilder g =
        new GraphBuilder().input("x", 1, 2, 2, 1).constant("w", new long[] {1, 1, 1, 1}, 1f);
    g.node(
        "y",
        "Conv2D",
        List.of("x", "w"),
        s("padding", "EXPLICIT"),
        list("strides", 1, 1, 1, 1),
        list("explicit_paddings", 0, 0, 1, 0, 0, 1, 0, 0));
    assertAllClose(g.run("y", x, 1, 2, 2, 1), new float[] {0, 0, 0, 1, 2, 0, 3, 4, 0});
  }

  @ParameterizedTest
  @ValueSource(strings = {"MatMul", "_FusedMatMul"})
  void matMul(String op) throws Exception {
    float[] x = {1, 2, 3, 4, 5, 6};
    float[] w = {1, 0, -1, 1, 2, 0.5f};
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 2, 3)
            .constant("w", new long[] {3, 2}, w)
            .constant("b", new long[] {2}, 10f, -100f);
    if (op.equals("MatMul")) {
      g.node("y", op, List.of("x", "w"), b("transpose_a", false), b("transpose_b", false));
      assertAllClose(g.run("y", x, 2, 3), new float[] {5, 3.5f, 11, 8});
    } else {
      g.node(
          "y",
          op,
          List.of("x", "w", "b"),
          strings("fused_ops", "BiasAdd", "Relu"),
          b("transpose_b", false));
      assertAllClose(g.run("y", x, 2, 3), new float[] {15, 0, 21, 0});
    }
  }

  @ParameterizedTest
  @CsvSource({"Add,3", "AddV2,3", "Sub,-1", "Mul,2", "RealDiv,0.5", "Maximum,2", "Minimum,1"})
  void binaryOpsBroadcastAConstant(String op, float expectedForOne) throws Exception {
    GraphBuilder g = new GraphBuilder().input("x", 1, 2).constant("c", new long[] {}, 2f);
    g.node("y", op, List.of("x", "c"));
    assertThat(g.run("y", new float[] {1, 1}, 1, 2)[0]).isCloseTo(expectedForOne, CLOSE);
  }

  @Test
  void addN() throws Exception {
    GraphBuilder g = new GraphBuilder().input("x", 3).constant("c", new long[] {3}, 1, 2, 3);
    g.node("y", "AddN", List.of("x", "c", "x"));
    assertAllClose(g.run("y", new float[] {1, 1, 1}, 3), new float[] {3, 4, 5});
  }

  @ParameterizedTest
  @ValueSource(strings = {"Relu", "Relu6", "LeakyRelu", "Elu", "Sigmoid", "Tanh", "Identity"})
  void unaryOps(String op) throws Exception {
    float[] x = {-3, -0.5f, 0, 0.5f, 7};
    GraphBuilder g = new GraphBuilder().input("x", 5);
    g.node("y", op, List.of("x"), f("alpha", 0.2f));
    DoubleUnaryOperator fn =
        switch (op) {
          case "Relu" -> v -> Math.max(0, v);
          case "Relu6" -> v -> Math.min(6, Math.max(0, v));
          case "LeakyRelu" -> v -> v < 0 ? 0.2 * v : v;
          case "Elu" -> v -> v < 0 ? Math.exp(v) - 1 : v;
          case "Sigmoid" -> v -> 1 / (1 + Math.exp(-v));
          case "Tanh" -> Math::tanh;
          default -> v -> v;
        };
    float[] expected = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      expected[i] = (float) fn.applyAsDouble(x[i]);
    }
    assertAllClose(g.run("y", x, 5), expected);
  }

  @Test
  void softmaxOverTheLastAxis() throws Exception {
    GraphBuilder g = new GraphBuilder().input("x", 2, 2);
    g.node("y", "Softmax", List.of("x"));
    float e = (float) (1 / (1 + Math.exp(-1)));
    assertAllClose(g.run("y", new float[] {0, 0, 1, 0}, 2, 2), new float[] {0.5f, 0.5f, e, 1 - e});
  }

  @ParameterizedTest
  @CsvSource({
    "MaxPool,SAME,2,2",
    "MaxPool,SAME,3,1",
    "MaxPool,VALID,2,2",
    "AvgPool,SAME,3,2",
    "AvgPool,VALID,2,1"
  })
  void pools(String op, String padding, int k, int stride) throws Exception {
    float[] x = random(9, 5 * 5 * 2);
    GraphBuilder g = new GraphBuilder().input("x", 1, 5, 5, 2);
    g.node(
        "y",
        op,
        List.of("x"),
        s("padding", padding),
        list("ksize", 1, k, k, 1),
        list("strides", 1, stride, stride, 1));
    float[] expected =
        Reference.pool(x, 5, 5, 2, k, stride, padding.equals("SAME"), op.equals("MaxPool"));
    assertAllClose(g.run("y", x, 1, 5, 5, 2), expected);
  }

  @ParameterizedTest
  @CsvSource({"Mean,true,2.5,6.5", "Max,false,4,8", "Sum,true,10,26"})
  void reductions(String op, boolean keepDims, float first, float second) throws Exception {
    GraphBuilder g = new GraphBuilder().input("x", 1, 2, 2, 2).ints("axes", 1, 2);
    g.node("y", op, List.of("x", "axes"), b("keep_dims", keepDims));
    // channel 0 holds 1..4, channel 1 holds 5..8
    float[] x = {1, 5, 2, 6, 3, 7, 4, 8};
    assertAllClose(g.run("y", x, 1, 2, 2, 2), new float[] {first, second});
  }

  @Test
  void aSqueezeExciteMeanIsAGlobalAveragePool() throws Exception {
    GraphBuilder g = new GraphBuilder().input("x", 1, 3, 3, 16).ints("axes", 1, 2);
    g.constant("w", new long[] {1, 1, 16, 16}, random(23, 16 * 16));
    g.node("conv", "Conv2D", List.of("x", "w"), s("padding", "VALID"), list("strides", 1, 1, 1, 1));
    g.node("y", "Mean", List.of("conv", "axes"), b("keep_dims", true));
    float[] x = random(24, 3 * 3 * 16);
    float[] conv = Reference.conv(x, 3, 3, 16, random(23, 16 * 16), 1, 1, 16, 1, false, false);
    float[] expected = new float[16];
    for (int i = 0; i < conv.length; i++) {
      expected[i % 16] += conv[i] / 9;
    }
    assertAllClose(g.run("y", x, 1, 3, 3, 16), expected);
    assertThat(g.count("y", "GlobalAveragePool")).isEqualTo(1);
    assertThat(g.count("y", "ReduceMean")).isZero();
  }

  /**
   * A 1 × 1 convolution with {@code channels} outputs, then TF's hard-swish: x/6 · relu6(x + 3).
   */
  private static GraphBuilder hardSwish(int channels, boolean scaledAlsoUsed) {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 2, 2, 2)
            .constant("w", new long[] {1, 1, 2, channels}, random(25, 2 * channels))
            .constant("b", new long[] {channels}, random(26, channels))
            .constant("sixth", new long[] {}, 1f / 6)
            .constant("three", new long[] {}, 3f);
    g.node(
        "conv",
        "_FusedConv2D",
        List.of("x", "w", "b"),
        s("padding", "VALID"),
        list("strides", 1, 1, 1, 1),
        strings("fused_ops", "BiasAdd"));
    g.node("scaled", "Mul", List.of("sixth", "conv"));
    g.node("shifted", "AddV2", List.of("conv", "three"));
    g.node("gate", "Relu6", List.of("shifted"));
    g.node("swish", "Mul", List.of("scaled", "gate"));
    if (scaledAlsoUsed) {
      g.node("y", "AddV2", List.of("swish", "scaled"));
    } else {
      g.node("y", "Identity", List.of("swish"));
    }
    return g;
  }

  private static float[] hardSwishReference(int channels, float[] x, boolean scaledAlsoUsed) {
    float[] conv =
        Reference.conv(x, 2, 2, 2, random(25, 2 * channels), 1, 1, channels, 1, false, false);
    float[] bias = random(26, channels);
    float[] y = new float[conv.length];
    for (int i = 0; i < y.length; i++) {
      double v = conv[i] + bias[i % channels];
      y[i] = (float) (v / 6 * Math.min(6, Math.max(0, v + 3)) + (scaledAlsoUsed ? v / 6 : 0));
    }
    return y;
  }

  @ParameterizedTest
  @CsvSource({"16,false", "32,false", "16,true", "8,false", "24,false"})
  void hardSwishOnWholeChannelBlocksIsAGateConvAndOneMul(int channels, boolean scaledAlsoUsed)
      throws Exception {
    float[] x = random(27, 2 * 2 * 2);
    // The values span the hard-swish's three pieces: below -3, between, above 3.
    for (int i = 0; i < x.length; i++) {
      x[i] *= 8;
    }
    GraphBuilder g = hardSwish(channels, scaledAlsoUsed);
    assertAllClose(g.run("y", x, 1, 2, 2, 2), hardSwishReference(channels, x, scaledAlsoUsed));
    boolean rewritten = channels % TfjsConverter.CHANNEL_BLOCK == 0 && !scaledAlsoUsed;
    // Rewritten: the layer's Conv, the gate's Conv with its Clip and one Mul; TF's Add is gone.
    assertThat(g.count("y", "Conv")).isEqualTo(rewritten ? 2 : 1);
    assertThat(g.count("y", "Mul")).isEqualTo(rewritten ? 1 : 2);
    assertThat(g.count("y", "Add")).isEqualTo(rewritten ? 0 : scaledAlsoUsed ? 2 : 1);
  }

  @Test
  void concatAlongChannels() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 1, 2, 1)
            .constant("c", new long[] {1, 1, 2, 1}, 9, 8)
            .ints("axis", -1);
    g.node("y", "ConcatV2", List.of("x", "c", "axis"));
    assertAllClose(g.run("y", new float[] {1, 2}, 1, 1, 2, 1), new float[] {1, 9, 2, 8});
  }

  @Test
  void reshapeTransposeExpandDimsSqueeze() throws Exception {
    GraphBuilder g =
        new GraphBuilder().input("x", 6).ints("shape", 2, -1).ints("perm", 1, 0).ints("dim", 0);
    g.node("r", "Reshape", List.of("x", "shape"));
    g.node("t", "Transpose", List.of("r", "perm"));
    g.node("e", "ExpandDims", List.of("t", "dim"));
    g.node("y", "Squeeze", List.of("e"), list("squeeze_dims", 0));
    assertAllClose(g.run("y", new float[] {1, 2, 3, 4, 5, 6}, 6), new float[] {1, 4, 2, 5, 3, 6});
  }

  @ParameterizedTest
  @ValueSource(strings = {"Pad", "PadV2"})
  void pad(String op) throws Exception {
    GraphBuilder g =
        new GraphBuilder().input("x", 1, 2).ints("p", 0, 0, 1, 2).constant("v", new long[] {}, 7f);
    g.node("y", op, op.equals("Pad") ? List.of("x", "p") : List.of("x", "p", "v"));
    float fill = op.equals("Pad") ? 0 : 7;
    assertAllClose(g.run("y", new float[] {1, 2}, 1, 2), new float[] {fill, 1, 2, fill, fill});
  }

  @ParameterizedTest
  @CsvSource({
    "false,false,5,7",
    "false,true,5,7",
    "true,false,5,7",
    "false,false,8,8",
    "false,true,2,3"
  })
  void resizeBilinear(boolean alignCorners, boolean halfPixel, int oh, int ow) throws Exception {
    float[] x = random(10, 4 * 4 * 2);
    GraphBuilder g = new GraphBuilder().input("x", 1, 4, 4, 2).ints("size", oh, ow);
    g.node(
        "y",
        "ResizeBilinear",
        List.of("x", "size"),
        b("align_corners", alignCorners),
        b("half_pixel_centers", halfPixel));
    float[] expected = Reference.resizeBilinear(x, 4, 4, 2, oh, ow, alignCorners, halfPixel);
    assertAllClose(g.run("y", x, 1, 4, 4, 2), expected);
  }

  @Test
  void resizeNearestNeighborDoubles() throws Exception {
    GraphBuilder g = new GraphBuilder().input("x", 1, 2, 2, 1).ints("size", 4, 4);
    g.node(
        "y",
        "ResizeNearestNeighbor",
        List.of("x", "size"),
        b("align_corners", false),
        b("half_pixel_centers", false));
    assertAllClose(
        g.run("y", new float[] {1, 2, 3, 4}, 1, 2, 2, 1),
        new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4});
  }

  @Test
  void gatherV2() throws Exception {
    GraphBuilder g = new GraphBuilder().input("x", 3, 2).ints("i", 2, 0).ints("axis", 0);
    g.node("y", "GatherV2", List.of("x", "i", "axis"));
    assertAllClose(g.run("y", new float[] {1, 2, 3, 4, 5, 6}, 3, 2), new float[] {5, 6, 1, 2});
  }

  @Test
  void float16WeightsAreDequantised() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 3)
            .constant("c", new long[] {3}, new float[] {0.5f, -2f, 1024f}, true);
    g.node("y", "Mul", List.of("x", "c"));
    assertAllClose(g.run("y", new float[] {1, 1, 1}, 3), new float[] {0.5f, -2f, 1024f});
  }

  @Test
  void halfToFloatCoversSubnormalsAndInfinity() {
    assertThat(TfjsGraph.halfToFloat((short) 0x3c00)).isEqualTo(1f);
    assertThat(TfjsGraph.halfToFloat((short) 0xc000)).isEqualTo(-2f);
    assertThat(TfjsGraph.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
    assertThat(TfjsGraph.halfToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
  }

  @Test
  void everyUnsupportedOpIsNamedBeforeAnythingIsConverted() throws Exception {
    GraphBuilder g = new GraphBuilder().input("x", 2);
    g.node("a", "Cumsum", List.of("x"));
    g.node("b", "Erf", List.of("a"));
    assertThatThrownBy(() -> TfjsConverter.convert(g.graph(), List.of("b")))
        .isInstanceOf(IOException.class)
        .hasMessage("op Cumsum (node a) is not supported; op Erf (node b) is not supported");
  }

  @Test
  void anUnsupportedOpIsNamed() throws Exception {
    GraphBuilder g = new GraphBuilder().input("x", 2);
    g.node("y", "Cumsum", List.of("x"));
    assertThatThrownBy(() -> TfjsConverter.convert(g.graph(), List.of("y")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("op Cumsum (node y) is not supported");
  }

  @Test
  void onlyNodesTheOutputsNeedAreConverted() throws Exception {
    GraphBuilder g = new GraphBuilder().input("x", 2);
    g.node("y", "Relu", List.of("x"));
    g.node("unused", "Cumsum", List.of("x"));
    assertAllClose(g.run("y", new float[] {-1, 1}, 2), new float[] {0, 1});
  }
}
