package io.promptlens.models.tfjs;

import io.promptlens.vision.models.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Converts a TF.js graph model to ONNX (opset {@value Onnx#OPSET}). Tensors stay NHWC as in
 * TensorFlow; convolutions and pools are wrapped in NHWC↔NCHW transposes that ONNX Runtime's layout
 * optimiser removes between consecutive ops. Weights are transposed at conversion time (Conv2D HWIO
 * → OIHW, depthwise HWCM → (C·M)1HW). Only the nodes the requested outputs depend on are converted;
 * a graph that needs an op outside {@link #SUPPORTED} is refused before anything is converted,
 * naming every such op and a node that uses it. Two MobileNetV3 patterns are written in forms that
 * ONNX Runtime's NCHWc layout keeps (hard-swish, see {@code hardSwish}; a 4-D spatial mean as
 * GlobalAveragePool), so that it does not reorder tensors out of that layout and back around them.
 * Stateless.
 */
public final class TfjsConverter {

  /**
   * The version written beside each converted model; the runtime's store accepts only this one and
   * re-conversion is asked for otherwise. Bump {@link ModelStore#CONVERTER_VERSION} whenever the
   * output changes.
   */
  public static final String VERSION = ModelStore.CONVERTER_VERSION;

  /**
   * The TF ops this converter maps: {@link #convert(TfjsGraph, List)} checks a graph against this
   * list first, and every op here has a case in {@code convertNode} and a unit test.
   */
  public static final Set<String> SUPPORTED =
      Set.of(
          "Placeholder",
          "Const",
          "Identity",
          "Conv2D",
          "_FusedConv2D",
          "Conv2DBackpropInput",
          "DepthwiseConv2dNative",
          "FusedDepthwiseConv2dNative",
          "MatMul",
          "_FusedMatMul",
          "Add",
          "AddV2",
          "Sub",
          "Mul",
          "RealDiv",
          "Maximum",
          "Minimum",
          "AddN",
          "Relu",
          "Relu6",
          "LeakyRelu",
          "Elu",
          "Sigmoid",
          "Tanh",
          "Softmax",
          "MaxPool",
          "AvgPool",
          "Mean",
          "Max",
          "Sum",
          "ConcatV2",
          "Reshape",
          "Transpose",
          "Pad",
          "PadV2",
          "ResizeBilinear",
          "ResizeNearestNeighbor",
          "ExpandDims",
          "Squeeze",
          "GatherV2");

  /**
   * The channel blocking of ONNX Runtime's NCHWc layout (16 floats with AVX-512, 8 with AVX2): a
   * depthwise Conv whose channels are not whole blocks stays in plain NCHW, where the 1 × 1 one
   * that {@link #hardSwish} emits would not spare the layout reorders it is there to spare. 16
   * fills whole blocks of either.
   */
  static final int CHANNEL_BLOCK = 16;

  private static final long[] TO_NCHW = {0, 3, 1, 2};
  private static final long[] TO_NHWC = {0, 2, 3, 1};

  private final TfjsGraph graph;
  private final Onnx onnx = new Onnx();
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, Integer> channelCounts = new HashMap<>();

  /** Hard-swish patterns found by {@link #findHardSwishes}, by the name of their last Mul. */
  private final Map<String, HardSwish> hardSwishes = new HashMap<>();

  /** The nodes inside a hard-swish pattern that its last Mul stands for, emitted by none. */
  private final Set<String> absorbed = new HashSet<>();

  /** MobileNetV3's hard-swish as TF writes it: (x · scale) · min(max(x + shift, 0), 6). */
  private record HardSwish(String x, float scale, float shift, int channels) {}

  private TfjsConverter(TfjsGraph graph) {
    this.graph = graph;
  }

  /** Reads {@code modelJson} and its shards and writes the ONNX model keeping {@code outputs}. */
  public static void convert(Path modelJson, List<String> outputs, Path target) throws IOException {
    Files.write(target, convert(TfjsGraph.read(modelJson), outputs));
  }

  static byte[] convert(TfjsGraph graph, List<String> outputs) throws IOException {
    TfjsConverter c = new TfjsConverter(graph);
    List<String> order = c.order(outputs);
    Map<String, String> unsupported = new java.util.TreeMap<>();
    for (String name : order) {
      String op = c.node(name).op();
      if (!SUPPORTED.contains(op)) {
        unsupported.putIfAbsent(op, name);
      }
    }
    if (!unsupported.isEmpty()) {
      StringBuilder message = new StringBuilder();
      unsupported.forEach(
          (op, node) ->
              message
                  .append(message.isEmpty() ? "" : "; ")
                  .append("op ")
                  .append(op)
                  .append(" (node ")
                  .append(node)
                  .append(") is not supported"));
      throw new IOException(message.toString());
    }
    c.findHardSwishes(order, outputs);
    for (String name : order) {
      if (!c.absorbed.contains(name)) {
        c.convertNode(c.node(name));
      }
    }
    for (String out : outputs) {
      String internal = c.value(out);
      c.onnx.node("Identity", List.of(internal), List.of(out));
      c.onnx.output(out);
    }
    return c.onnx.build("promptlens tfjs converter");
  }

  /** The nodes the outputs depend on, inputs first. */
  private List<String> order(List<String> outputs) throws IOException {
    List<String> ordered = new java.util.ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> visiting = new HashSet<>();
    Deque<String[]> stack = new ArrayDeque<>();
    for (String out : outputs) {
      stack.push(new String[] {base(out), "0"});
    }
    while (!stack.isEmpty()) {
      String[] top = stack.pop();
      String name = top[0];
      if (done.contains(name)) {
        continue;
      }
      TfjsGraph.Node node = graph.node(name);
      if (node == null) {
        throw new IOException("graph has no node " + name);
      }
      if ("1".equals(top[1])) {
        visiting.remove(name);
        done.add(name);
        ordered.add(name);
        continue;
      }
      if (!visiting.add(name)) {
        continue;
      }
      stack.push(new String[] {name, "1"});
      for (String in : node.inputs()) {
        if (!done.contains(base(in))) {
          stack.push(new String[] {base(in), "0"});
        }
      }
    }
    return ordered;
  }

  /** A node order() has already found, so never absent. */
  private TfjsGraph.Node node(String name) throws IOException {
    TfjsGraph.Node node = graph.node(name);
    if (node == null) {
      throw new IOException("graph has no node " + name);
    }
    return node;
  }

  private static String base(String ref) {
    int colon = ref.lastIndexOf(':');
    return colon > 0 ? ref.substring(0, colon) : ref;
  }

  private boolean isConst(String ref) {
    TfjsGraph.Node n = graph.node(base(ref));
    return n != null && "Const".equals(n.op());
  }

  private TfjsGraph.Tensor constant(String ref) throws IOException {
    TfjsGraph.Tensor t = graph.weight(base(ref));
    if (!isConst(ref) || t == null) {
      throw new IOException("input " + ref + " must be a constant with weights");
    }
    return t;
  }

  private long[] longs(String ref) throws IOException {
    TfjsGraph.Tensor t = constant(ref);
    if (t.isFloat()) {
      float[] floats = t.floatValues();
      long[] v = new long[floats.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = Math.round(floats[i]);
      }
      return v;
    }
    return t.longValues();
  }

  /** The ONNX name carrying a TF tensor, emitting constants as initializers on first use. */
  private String value(String ref) throws IOException {
    String key = ref.endsWith(":0") ? base(ref) : ref;
    String known = names.get(key);
    if (known != null) {
      return known;
    }
    if (isConst(ref)) {
      TfjsGraph.Tensor t = constant(ref);
      String name =
          t.isFloat()
              ? onnx.floats(key, t.shape(), t.floatValues())
              : onnx.longs(key, t.shape(), t.longValues());
      names.put(key, name);
      return name;
    }
    throw new IOException("tensor " + ref + " is used before it is produced");
  }

  private void set(TfjsGraph.Node node, String onnxName) {
    names.put(node.name(), onnxName);
  }

  private void convertNode(TfjsGraph.Node n) throws IOException {
    List<String> in = n.inputs();
    switch (n.op()) {
      case "Const" -> {
        // Emitted lazily by value(): shape-like constants become attributes instead.
      }
      case "Placeholder" -> {
        long[] shape = n.shape();
        onnx.input(n.name(), shape == null ? new long[] {-1, -1, -1, -1} : shape);
        set(n, n.name());
      }
      case "Identity" -> set(n, value(in.get(0)));
      case "Conv2D", "_FusedConv2D", "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" ->
          conv(n);
      case "Conv2DBackpropInput" -> convTranspose(n);
      case "MatMul", "_FusedMatMul" -> matMul(n);
      case "Add", "AddV2" -> set(n, onnx.op("Add", List.of(value(in.get(0)), value(in.get(1)))));
      case "Sub" -> set(n, onnx.op("Sub", List.of(value(in.get(0)), value(in.get(1)))));
      case "Mul" -> {
        HardSwish h = hardSwishes.get(n.name());
        set(
            n,
            h != null ? hardSwish(h) : onnx.op("Mul", List.of(value(in.get(0)), value(in.get(1)))));
      }
      case "RealDiv" -> set(n, onnx.op("Div", List.of(value(in.get(0)), value(in.get(1)))));
      case "Maximum" -> set(n, onnx.op("Max", List.of(value(in.get(0)), value(in.get(1)))));
      case "Minimum" -> set(n, onnx.op("Min", List.of(value(in.get(0)), value(in.get(1)))));
      case "AddN" -> {
        List<String> all = new java.util.ArrayList<>();
        for (String i : in) {
          all.add(value(i));
        }
        set(n, onnx.op("Sum", all));
      }
      case "Relu", "Relu6", "LeakyRelu", "Elu", "Sigmoid", "Tanh" ->
          set(n, activation(n.op(), value(in.get(0)), n.number("alpha", 0.2f)));
      case "Softmax" ->
          set(n, onnx.op("Softmax", List.of(value(in.get(0))), Onnx.attr("axis", -1L)));
      case "MaxPool", "AvgPool" -> pool(n);
      case "Mean", "Max", "Sum" -> {
        if ("Mean".equals(n.op())
            && n.flag("keep_dims")
            && java.util.Arrays.equals(longs(in.get(1)), new long[] {1, 2})
            && channels(in.get(0)) > 0) {
          // Squeeze-and-excite's spatial mean: GlobalAveragePool, which ONNX Runtime keeps in its
          // NCHWc layout where ReduceMean needs the tensor reordered back to NCHW first.
          String x = onnx.op("Transpose", List.of(value(in.get(0))), Onnx.attr("perm", TO_NCHW));
          String pooled = onnx.op("GlobalAveragePool", List.of(x));
          set(n, onnx.op("Transpose", List.of(pooled), Onnx.attr("perm", TO_NHWC)));
          return;
        }
        String op =
            switch (n.op()) {
              case "Mean" -> "ReduceMean";
              case "Max" -> "ReduceMax";
              default -> "ReduceSum";
            };
        set(
            n,
            onnx.op(
                op,
                List.of(value(in.get(0)), onnx.longs(longs(in.get(1)))),
                Onnx.attr("keepdims", n.flag("keep_dims") ? 1L : 0L)));
      }
      case "ConcatV2" -> {
        List<String> parts = new java.util.ArrayList<>();
        for (String i : in.subList(0, in.size() - 1)) {
          parts.add(value(i));
        }
        set(n, onnx.op("Concat", parts, Onnx.attr("axis", longs(in.get(in.size() - 1))[0])));
      }
      case "Reshape" ->
          set(n, onnx.op("Reshape", List.of(value(in.get(0)), onnx.longs(longs(in.get(1))))));
      case "Transpose" ->
          set(
              n,
              onnx.op("Transpose", List.of(value(in.get(0))), Onnx.attr("perm", longs(in.get(1)))));
      case "Pad", "PadV2" -> pad(n);
      case "ResizeBilinear", "ResizeNearestNeighbor" -> resize(n);
      case "ExpandDims" ->
          set(n, onnx.op("Unsqueeze", List.of(value(in.get(0)), onnx.longs(longs(in.get(1))))));
      case "Squeeze" ->
          set(
              n,
              onnx.op(
                  "Squeeze", List.of(value(in.get(0)), onnx.longs(n.integers("squeeze_dims")))));
      case "GatherV2" ->
          set(
              n,
              onnx.op(
                  "Gather",
                  List.of(value(in.get(0)), value(in.get(1))),
                  Onnx.attr("axis", longs(in.get(2))[0])));
      default ->
          // convert() refused every op outside SUPPORTED, so this is a list without its case.
          throw new IllegalStateException("op " + n.op() + " is in SUPPORTED but has no mapping");
    }
  }

  /**
   * Finds each Mul(Mul(x, scale), Relu6(Add(x, shift))) whose inner nodes feed nothing else, on a
   * convolution's result with whole {@value #CHANNEL_BLOCK}-channel blocks and scalar constants,
   * scale positive.
   */
  private void findHardSwishes(List<String> order, List<String> outputs) throws IOException {
    Map<String, Integer> uses = new HashMap<>();
    for (String name : order) {
      for (String in : node(name).inputs()) {
        uses.merge(base(in), 1, Integer::sum);
      }
    }
    for (String out : outputs) {
      uses.merge(base(out), 1, Integer::sum);
    }
    for (String name : order) {
      TfjsGraph.Node mul = node(name);
      if (!"Mul".equals(mul.op()) || mul.inputs().size() != 2) {
        continue;
      }
      for (int k = 0; k < 2; k++) {
        TfjsGraph.Node scaled = producer(mul.inputs().get(k), uses, "Mul");
        TfjsGraph.Node relu6 = producer(mul.inputs().get(1 - k), uses, "Relu6");
        TfjsGraph.Node shifted =
            relu6 == null ? null : producer(relu6.inputs().get(0), uses, "Add", "AddV2");
        if (scaled == null || relu6 == null || shifted == null) {
          continue;
        }
        Float scale = scalar(scaled);
        Float shift = scalar(shifted);
        if (scale == null || shift == null || scale <= 0) {
          continue;
        }
        String x = nonConstant(scaled);
        int channels = channels(x);
        if (!tensor(x).equals(tensor(nonConstant(shifted)))
            || channels <= 0
            || channels % CHANNEL_BLOCK != 0) {
          continue;
        }
        hardSwishes.put(name, new HardSwish(x, scale, shift, channels));
        absorbed.addAll(List.of(scaled.name(), relu6.name(), shifted.name()));
        break;
      }
    }
  }

  /**
   * The node whose first output {@code ref} is, when it is one of {@code ops} and that output has
   * no other use.
   */
  private TfjsGraph.@Nullable Node producer(String ref, Map<String, Integer> uses, String... ops) {
    TfjsGraph.Node n = graph.node(base(ref));
    if (n == null || !tensor(ref).equals(n.name()) || uses.getOrDefault(n.name(), 0) != 1) {
      return null;
    }
    return List.of(ops).contains(n.op()) ? n : null;
  }

  /** A tensor reference with the implicit ":0" dropped, so that equal tensors compare equal. */
  private static String tensor(String ref) {
    return ref.endsWith(":0") ? base(ref) : ref;
  }

  /** Which input of a two-input node is a constant: 0 or 1, or -1 when neither or both. */
  private int constantSide(TfjsGraph.Node n) {
    boolean first = isConst(n.inputs().get(0));
    boolean second = isConst(n.inputs().get(1));
    return first == second ? -1 : first ? 0 : 1;
  }

  /** The other input of a node that {@link #scalar} found a constant on. */
  private String nonConstant(TfjsGraph.Node n) {
    return n.inputs().get(1 - constantSide(n));
  }

  /**
   * The one float of a two-input node's constant input; null when it has not exactly one or the
   * node has no single constant input.
   */
  private @Nullable Float scalar(TfjsGraph.Node n) {
    if (n.inputs().size() != 2 || constantSide(n) < 0) {
      return null;
    }
    TfjsGraph.Tensor t = graph.weight(base(n.inputs().get(constantSide(n))));
    return t != null && t.isFloat() && t.floatValues().length == 1 ? t.floatValues()[0] : null;
  }

  /**
   * Hard-swish as x · Clip(x · scale + shift · scale, 0, 6 · scale), which is (x · scale) ·
   * min(max(x + shift, 0), 6) for a positive scale; the gate is a 1 × 1 depthwise Conv, with the
   * Clip that ONNX Runtime fuses into it. Why: its NCHWc layout transformer keeps a Conv with a
   * fused Clip, and a Mul of two equally shaped NCHWc tensors, in the blocked layout, but no Add or
   * Mul with a scalar; TF's four-op form made it reorder every such activation out of that layout
   * and back. The float rounding differs from TF's order (fidelity tests bound it).
   */
  private String hardSwish(HardSwish h) throws IOException {
    int c = h.channels();
    float[] weights = new float[c];
    float[] bias = new float[c];
    java.util.Arrays.fill(weights, h.scale());
    java.util.Arrays.fill(bias, h.shift() * h.scale());
    String x = value(h.x());
    String gate =
        onnx.op(
            "Conv",
            List.of(
                onnx.op("Transpose", List.of(x), Onnx.attr("perm", TO_NCHW)),
                onnx.floats(onnx.fresh("hard_swish/W"), new long[] {c, 1, 1, 1}, weights),
                onnx.floats(onnx.fresh("hard_swish/B"), new long[] {c}, bias)),
            Onnx.attr("kernel_shape", new long[] {1, 1}),
            Onnx.attr("pads", new long[] {0, 0, 0, 0}),
            Onnx.attr("group", (long) c));
    String clipped =
        onnx.op(
            "Clip",
            List.of(
                gate,
                onnx.floats(onnx.fresh("zero"), new long[] {}, new float[] {0f}),
                onnx.floats(onnx.fresh("top"), new long[] {}, new float[] {6f * h.scale()})));
    String nhwc = onnx.op("Transpose", List.of(clipped), Onnx.attr("perm", TO_NHWC));
    return onnx.op("Mul", List.of(x, nhwc));
  }

  /**
   * The channel count of a 4-D NHWC tensor that a convolution made, followed through pools, pads
   * and element-wise ops on it alone or with constants of at most one dimension; 0 when it cannot
   * be told.
   */
  private int channels(String ref) throws IOException {
    String key = tensor(ref);
    Integer known = channelCounts.get(key);
    if (known != null) {
      return known;
    }
    TfjsGraph.Node n = graph.node(key);
    int count = 0;
    if (n != null) {
      switch (n.op()) {
        case "Conv2D", "_FusedConv2D" -> count = (int) constant(n.inputs().get(1)).shape()[3];
        case "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" -> {
          long[] s = constant(n.inputs().get(1)).shape();
          count = (int) (s[2] * s[3]);
        }
        case "Identity",
            "Relu",
            "Relu6",
            "LeakyRelu",
            "Elu",
            "Sigmoid",
            "Tanh",
            "MaxPool",
            "AvgPool" ->
            count = channels(n.inputs().get(0));
        case "Pad", "PadV2" -> {
          long[] p = longs(n.inputs().get(1));
          int in = channels(n.inputs().get(0));
          count = p.length == 8 && in > 0 ? in + (int) (p[6] + p[7]) : 0;
        }
        case "Add", "AddV2", "Sub", "Mul", "RealDiv", "Maximum", "Minimum" -> {
          // Every non-constant input must have the same known count; constants at most 1-D.
          count = -1;
          for (String i : n.inputs()) {
            int c;
            if (isConst(i)) {
              TfjsGraph.Tensor t = graph.weight(base(i));
              c = t != null && t.shape().length <= 1 ? -1 : 0;
            } else {
              c = channels(i);
            }
            if (c == 0 || (c > 0 && count > 0 && c != count)) {
              count = 0;
              break;
            }
            count = Math.max(count, c);
          }
          count = Math.max(count, 0);
        }
        default -> count = 0;
      }
    }
    channelCounts.put(key, count);
    return count;
  }

  private void conv(TfjsGraph.Node n) throws IOException {
    boolean depthwise = n.op().contains("Depthwise");
    TfjsGraph.Tensor filter = constant(n.inputs().get(1));
    long[] s = filter.shape();
    int kh = (int) s[0];
    int kw = (int) s[1];
    int cin = (int) s[2];
    int cout = (int) s[3];
    float[] w = filter.floatValues();
    float[] weights = new float[w.length];
    long[] dims;
    if (depthwise) {
      // HWCM → (C·M) × 1 × H × W
      for (int y = 0; y < kh; y++) {
        for (int x = 0; x < kw; x++) {
          for (int c = 0; c < cin; c++) {
            for (int m = 0; m < cout; m++) {
              weights[((c * cout + m) * kh + y) * kw + x] = w[((y * kw + x) * cin + c) * cout + m];
            }
          }
        }
      }
      dims = new long[] {(long) cin * cout, 1, kh, kw};
    } else {
      // HWIO → OIHW
      for (int y = 0; y < kh; y++) {
        for (int x = 0; x < kw; x++) {
          for (int i = 0; i < cin; i++) {
            for (int o = 0; o < cout; o++) {
              weights[((o * cin + i) * kh + y) * kw + x] = w[((y * kw + x) * cin + i) * cout + o];
            }
          }
        }
      }
      dims = new long[] {cout, cin, kh, kw};
    }
    List<String> fused = n.strings("fused_ops");
    List<String> inputs = new java.util.ArrayList<>();
    inputs.add(onnx.op("Transpose", List.of(value(n.inputs().get(0))), Onnx.attr("perm", TO_NCHW)));
    inputs.add(onnx.floats(onnx.fresh(n.name() + "/W"), dims, weights));
    int next = 2;
    if (!fused.isEmpty() && "BiasAdd".equals(fused.get(0))) {
      inputs.add(value(n.inputs().get(next++)));
    } else if (!fused.isEmpty()) {
      throw new IOException("fused ops " + fused + " (node " + n.name() + ") are not supported");
    }
    long[] strides = n.integers("strides");
    long[] dilations = n.integers("dilations");
    List<Protobuf> attrs = new java.util.ArrayList<>();
    attrs.add(Onnx.attr("kernel_shape", new long[] {kh, kw}));
    attrs.add(
        Onnx.attr(
            "strides",
            strides.length == 4 ? new long[] {strides[1], strides[2]} : new long[] {1, 1}));
    attrs.add(
        Onnx.attr(
            "dilations",
            dilations.length == 4 ? new long[] {dilations[1], dilations[2]} : new long[] {1, 1}));
    attrs.add(Onnx.attr("group", depthwise ? (long) cin : 1L));
    attrs.add(padding(n));
    String conv = onnx.op("Conv", inputs, attrs.toArray(Protobuf[]::new));
    String out = onnx.op("Transpose", List.of(conv), Onnx.attr("perm", TO_NHWC));
    for (String op : fused.size() > 1 ? fused.subList(1, fused.size()) : List.<String>of()) {
      if ("Prelu".equals(op)) {
        out = onnx.op("PRelu", List.of(out, value(n.inputs().get(next++))));
      } else {
        out = activation(op, out, n.number("leakyrelu_alpha", 0.2f));
      }
    }
    set(n, out);
  }

  /**
   * Conv2DBackpropInput (transposed convolution): inputs are the result's NHWC size, the filter
   * (HWIO of the forward convolution, so I is the result's channels and O the input's) and the
   * input. ONNX ConvTranspose takes weights as (input channels, result channels, H, W) and the same
   * correlation, so the filter is only re-laid out, never flipped. Pads are those of the forward
   * convolution that the op is the gradient of (SAME: TF's smaller half before), written out
   * explicitly, and output_padding makes up the rows a VALID forward convolution dropped.
   */
  private void convTranspose(TfjsGraph.Node n) throws IOException {
    long[] size = longs(n.inputs().get(0));
    TfjsGraph.Tensor filter = constant(n.inputs().get(1));
    long[] s = filter.shape();
    int kh = (int) s[0];
    int kw = (int) s[1];
    int cres = (int) s[2];
    int cin = (int) s[3];
    float[] w = filter.floatValues();
    float[] weights = new float[w.length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int r = 0; r < cres; r++) {
          for (int i = 0; i < cin; i++) {
            weights[((i * cres + r) * kh + y) * kw + x] = w[((y * kw + x) * cres + r) * cin + i];
          }
        }
      }
    }
    long[] strides = n.integers("strides");
    long[] dilations = n.integers("dilations");
    long[] st = strides.length == 4 ? new long[] {strides[1], strides[2]} : new long[] {1, 1};
    long[] dl = dilations.length == 4 ? new long[] {dilations[1], dilations[2]} : new long[] {1, 1};
    String padding = n.string("padding", "VALID");
    long[] k = {kh, kw};
    long[] pads = new long[4];
    long[] extra = new long[2];
    for (int a = 0; a < 2; a++) {
      long result = size[1 + a];
      long span = (k[a] - 1) * dl[a] + 1;
      long in;
      switch (padding) {
        case "SAME" -> {
          in = (result + st[a] - 1) / st[a];
          long total = Math.max((in - 1) * st[a] + span - result, 0);
          pads[a] = total / 2;
          pads[2 + a] = total - total / 2;
        }
        case "VALID" -> in = (result - span) / st[a] + 1;
        default ->
            throw new IOException(
                "padding " + padding + " (node " + n.name() + ") is not supported");
      }
      extra[a] = result - ((in - 1) * st[a] + span - pads[a] - pads[2 + a]);
    }
    String x = onnx.op("Transpose", List.of(value(n.inputs().get(2))), Onnx.attr("perm", TO_NCHW));
    String conv =
        onnx.op(
            "ConvTranspose",
            List.of(
                x,
                onnx.floats(onnx.fresh(n.name() + "/W"), new long[] {cin, cres, kh, kw}, weights)),
            Onnx.attr("kernel_shape", k),
            Onnx.attr("strides", st),
            Onnx.attr("dilations", dl),
            Onnx.attr("pads", pads),
            Onnx.attr("output_padding", extra));
    set(n, onnx.op("Transpose", List.of(conv), Onnx.attr("perm", TO_NHWC)));
  }

  private Protobuf padding(TfjsGraph.Node n) throws IOException {
    String padding = n.string("padding", "VALID");
    switch (padding) {
      case "SAME" -> {
        return Onnx.attr("auto_pad", "SAME_UPPER");
      }
      case "VALID" -> {
        return Onnx.attr("auto_pad", "VALID");
      }
      case "EXPLICIT" -> {
        long[] p = n.integers("explicit_paddings");
        return Onnx.attr("pads", new long[] {p[2], p[4], p[3], p[5]});
      }
      default ->
          throw new IOException("padding " + padding + " (node " + n.name() + ") is not supported");
    }
  }

  private String activation(String op, String x, float alpha) throws IOException {
    return switch (op) {
      case "Relu" -> onnx.op("Relu", List.of(x));
      case "Relu6" ->
          onnx.op(
              "Clip",
              List.of(
                  x,
                  onnx.floats(onnx.fresh("zero"), new long[] {}, new float[] {0f}),
                  onnx.floats(onnx.fresh("six"), new long[] {}, new float[] {6f})));
      case "LeakyRelu" -> onnx.op("LeakyRelu", List.of(x), Onnx.attr("alpha", alpha));
      case "Elu" -> onnx.op("Elu", List.of(x));
      case "Sigmoid" -> onnx.op("Sigmoid", List.of(x));
      case "Tanh" -> onnx.op("Tanh", List.of(x));
      default -> throw new IOException("activation " + op + " is not supported");
    };
  }

  private void matMul(TfjsGraph.Node n) throws IOException {
    List<String> inputs =
        new java.util.ArrayList<>(List.of(value(n.inputs().get(0)), value(n.inputs().get(1))));
    List<String> fused = n.strings("fused_ops");
    int next = 2;
    if (!fused.isEmpty() && "BiasAdd".equals(fused.get(0))) {
      inputs.add(value(n.inputs().get(next++)));
    }
    String out =
        onnx.op(
            "Gemm",
            inputs,
            Onnx.attr("transA", n.flag("transpose_a") ? 1L : 0L),
            Onnx.attr("transB", n.flag("transpose_b") ? 1L : 0L));
    for (String op : fused.size() > 1 ? fused.subList(1, fused.size()) : List.<String>of()) {
      out = activation(op, out, n.number("leakyrelu_alpha", 0.2f));
    }
    set(n, out);
  }

  private void pool(TfjsGraph.Node n) throws IOException {
    long[] k = n.integers("ksize");
    long[] s = n.integers("strides");
    String x = onnx.op("Transpose", List.of(value(n.inputs().get(0))), Onnx.attr("perm", TO_NCHW));
    List<Protobuf> attrs = new java.util.ArrayList<>();
    attrs.add(Onnx.attr("kernel_shape", new long[] {k[1], k[2]}));
    attrs.add(Onnx.attr("strides", new long[] {s[1], s[2]}));
    attrs.add(padding(n));
    if ("AvgPool".equals(n.op())) {
      attrs.add(Onnx.attr("count_include_pad", 0L));
    }
    String pooled =
        onnx.op(
            "MaxPool".equals(n.op()) ? "MaxPool" : "AveragePool",
            List.of(x),
            attrs.toArray(Protobuf[]::new));
    set(n, onnx.op("Transpose", List.of(pooled), Onnx.attr("perm", TO_NHWC)));
  }

  private void pad(TfjsGraph.Node n) throws IOException {
    long[] p = longs(n.inputs().get(1));
    int rank = p.length / 2;
    long[] pads = new long[p.length];
    for (int i = 0; i < rank; i++) {
      pads[i] = p[2 * i];
      pads[rank + i] = p[2 * i + 1];
    }
    float fill = 0;
    if ("PadV2".equals(n.op())) {
      TfjsGraph.Tensor c = constant(n.inputs().get(2));
      fill = c.isFloat() ? c.floatValues()[0] : c.longValues()[0];
    }
    int channels = rank == 4 && fill == 0 ? channels(n.inputs().get(0)) : 0;
    if (channels > 0 && pads[7] > 0 && java.util.Arrays.stream(pads, 0, 7).allMatch(v -> v == 0)) {
      set(n, widenChannels(value(n.inputs().get(0)), channels, (int) pads[7], n.name()));
      return;
    }
    set(
        n,
        onnx.op(
            "Pad",
            List.of(
                value(n.inputs().get(0)),
                onnx.longs(pads),
                onnx.floats(onnx.fresh("fill"), new long[] {}, new float[] {fill}))));
  }

  /**
   * Zero channels appended to an NHWC tensor, as a 1 × 1 Conv whose weights are the identity on the
   * {@code channels} it has and zero for the {@code added} ones: the same values (x · 1 plus
   * products with zero, exact for finite x). BlazeFace widens its residual shortcuts this way
   * (MaxPool, Pad, Add with a wider convolution); ONNX Runtime keeps no Pad in its NCHWc layout, so
   * every residual block after the first widening was reordered out of it and back, where a Conv
   * stays and its Add and Relu fuse into the next convolution.
   */
  private String widenChannels(String x, int channels, int added, String name) {
    int widened = channels + added;
    float[] identity = new float[widened * channels];
    for (int c = 0; c < channels; c++) {
      identity[c * channels + c] = 1f;
    }
    String conv =
        onnx.op(
            "Conv",
            List.of(
                onnx.op("Transpose", List.of(x), Onnx.attr("perm", TO_NCHW)),
                onnx.floats(
                    onnx.fresh(name + "/W"), new long[] {widened, channels, 1, 1}, identity)),
            Onnx.attr("kernel_shape", new long[] {1, 1}));
    return onnx.op("Transpose", List.of(conv), Onnx.attr("perm", TO_NHWC));
  }

  private void resize(TfjsGraph.Node n) throws IOException {
    long[] size = longs(n.inputs().get(1));
    boolean nearest = "ResizeNearestNeighbor".equals(n.op());
    String mode;
    if (n.flag("align_corners")) {
      mode = "align_corners";
    } else if (n.flag("half_pixel_centers")) {
      mode = nearest ? "tf_half_pixel_for_nn" : "half_pixel";
    } else {
      mode = "asymmetric";
    }
    String x = onnx.op("Transpose", List.of(value(n.inputs().get(0))), Onnx.attr("perm", TO_NCHW));
    // Full NCHW sizes: batch and channels from the tensor, height and width from the constant.
    String batchAndChannels =
        onnx.op("Slice", List.of(onnx.op("Shape", List.of(x)), onnx.longs(0), onnx.longs(2)));
    String sizes =
        onnx.op(
            "Concat",
            List.of(batchAndChannels, onnx.longs(size[0], size[1])),
            Onnx.attr("axis", 0L));
    String r =
        onnx.op(
            "Resize",
            List.of(x, "", "", sizes),
            Onnx.attr("mode", nearest ? "nearest" : "linear"),
            Onnx.attr("coordinate_transformation_mode", mode),
            Onnx.attr("nearest_mode", n.flag("align_corners") ? "round_prefer_ceil" : "floor"));
    set(n, onnx.op("Transpose", List.of(r), Onnx.attr("perm", TO_NHWC)));
  }
}
