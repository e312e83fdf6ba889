package io.promptlens.models.tfjs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TensorFlow.js graph model as written by {@code tensorflowjs_converter}: the GraphDef nodes of
 * {@code model.json} (or of a browserified {@code model.min.js}, see {@link JsBundle}) and its
 * weights, read from the shards listed in {@code weightsManifest} and de-quantised (float16, and
 * uint8/uint16 affine) to float32. Immutable.
 */
final class TfjsGraph {

  /**
   * A node: name, op, inputs ({@code name}, {@code name:k}; control inputs dropped), attributes.
   */
  record Node(String name, String op, List<String> inputs, JsonNode attr) {

    String string(String key, String fallback) {
      JsonNode a = attr.path(key).path("s");
      return a.isMissingNode() || a.isNull()
          ? fallback
          : new String(Base64.getDecoder().decode(a.asString()), StandardCharsets.UTF_8);
    }

    long integer(String key, long fallback) {
      JsonNode a = attr.path(key).path("i");
      return a.isMissingNode() ? fallback : Long.parseLong(a.asString());
    }

    float number(String key, float fallback) {
      JsonNode a = attr.path(key).path("f");
      return a.isMissingNode() ? fallback : (float) a.asDouble();
    }

    boolean flag(String key) {
      return attr.path(key).path("b").asBoolean(false);
    }

    long[] integers(String key) {
      JsonNode list = attr.path(key).path("list").path("i");
      long[] v = new long[list.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = Long.parseLong(list.get(i).asString());
      }
      return v;
    }

    List<String> strings(String key) {
      List<String> v = new ArrayList<>();
      for (JsonNode s : attr.path(key).path("list").path("s")) {
        v.add(new String(Base64.getDecoder().decode(s.asString()), StandardCharsets.UTF_8));
      }
      return v;
    }

    /** The placeholder's static shape, -1 for unknown dimensions; null when absent. */
    long @Nullable [] shape() {
      JsonNode dims = attr.path("shape").path("shape").path("dim");
      if (dims.isMissingNode()) {
        return null;
      }
      long[] v = new long[dims.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = Long.parseLong(dims.get(i).path("size").asString("-1"));
      }
      return v;
    }
  }

  /** A constant: float32 or int32 values (as float or long arrays) and its shape. */
  record Tensor(long[] shape, float @Nullable [] floats, long @Nullable [] longs) {
    boolean isFloat() {
      return floats != null;
    }

    int size() {
      return isFloat() ? floatValues().length : longValues().length;
    }

    /** The float32 values; refused for an int32 constant where a float one is needed. */
    float[] floatValues() {
      if (floats == null) {
        throw new IllegalArgumentException("an int32 constant where float32 values are needed");
      }
      return floats;
    }

    /** The int32 values; refused for a float32 constant where an int32 one is needed. */
    long[] longValues() {
      if (longs == null) {
        throw new IllegalArgumentException("a float32 constant where int32 values are needed");
      }
      return longs;
    }
  }

  private final Map<String, Node> nodes;
  private final Map<String, Tensor> weights;

  TfjsGraph(List<Node> nodes, Map<String, Tensor> weights) {
    Map<String, Node> byName = new LinkedHashMap<>();
    nodes.forEach(n -> byName.put(n.name(), n));
    this.nodes = byName;
    this.weights = Map.copyOf(weights);
  }

  @Nullable Node node(String name) {
    return nodes.get(name);
  }

  Map<String, Node> nodes() {
    return nodes;
  }

  @Nullable Tensor weight(String name) {
    return weights.get(name);
  }

  /** Reads {@code model.json} and the shards beside it. */
  static TfjsGraph read(Path modelJson) throws IOException {
    boolean bundled = modelJson.getFileName().toString().endsWith(".js");
    String text = Files.readString(modelJson, StandardCharsets.UTF_8);
    String json = bundled ? JsBundle.modelJson(text) : text;
    JsonNode root = JsonMapper.builder().build().readTree(json);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (JsonNode group : root.path("weightsManifest")) {
      for (JsonNode p : group.path("paths")) {
        if (bundled) {
          Path shard = modelJson.resolveSibling(p.asString() + ".min.js");
          data.writeBytes(JsBundle.shard(Files.readString(shard, StandardCharsets.UTF_8)));
        } else {
          data.writeBytes(Files.readAllBytes(modelJson.resolveSibling(p.asString())));
        }
      }
    }
    return parse(json, data.toByteArray());
  }

  /** Parses a model.json text with its concatenated weight data. */
  static TfjsGraph parse(String json, byte[] data) throws IOException {
    JsonNode root = JsonMapper.builder().build().readTree(json);
    List<Node> nodes = new ArrayList<>();
    for (JsonNode n : root.path("modelTopology").path("node")) {
      List<String> inputs = new ArrayList<>();
      for (JsonNode i : n.path("input")) {
        if (!i.asString().startsWith("^")) {
          inputs.add(i.asString());
        }
      }
      nodes.add(
          new Node(n.path("name").asString(), n.path("op").asString(), inputs, n.path("attr")));
    }
    Map<String, Tensor> weights = new HashMap<>();
    ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    for (JsonNode group : root.path("weightsManifest")) {
      for (JsonNode w : group.path("weights")) {
        long[] shape = new long[w.path("shape").size()];
        int count = 1;
        for (int i = 0; i < shape.length; i++) {
          shape[i] = w.path("shape").get(i).asLong();
          count *= (int) shape[i];
        }
        weights.put(w.path("name").asString(), read(buffer, w, shape, count));
      }
    }
    return new TfjsGraph(nodes, weights);
  }

  private static Tensor read(ByteBuffer b, JsonNode w, long[] shape, int count) throws IOException {
    String dtype = w.path("dtype").asString();
    JsonNode q = w.path("quantization");
    if (!q.isMissingNode() && !q.isNull()) {
      String stored = q.path("dtype").asString();
      float[] v = new float[count];
      for (int i = 0; i < count; i++) {
        switch (stored) {
          case "float16" -> v[i] = halfToFloat(b.getShort());
          case "uint8" ->
              v[i] =
                  (float)
                      (q.path("min").asDouble() + (b.get() & 0xff) * q.path("scale").asDouble());
          case "uint16" ->
              v[i] =
                  (float)
                      (q.path("min").asDouble()
                          + (b.getShort() & 0xffff) * q.path("scale").asDouble());
          default -> throw new IOException("unsupported weight quantisation " + stored);
        }
      }
      return "int32".equals(dtype)
          ? new Tensor(shape, null, toLongs(v))
          : new Tensor(shape, v, null);
    }
    switch (dtype) {
      case "float32" -> {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
          v[i] = b.getFloat();
        }
        return new Tensor(shape, v, null);
      }
      case "int32" -> {
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
          v[i] = b.getInt();
        }
        return new Tensor(shape, null, v);
      }
      default -> throw new IOException("unsupported weight dtype " + dtype);
    }
  }

  /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
  static float halfToFloat(short half) {
    int h = half & 0xffff;
    int sign = (h >>> 15) << 31;
    int exponent = (h >>> 10) & 0x1f;
    int mantissa = h & 0x3ff;
    if (exponent == 0) {
      float v = mantissa * 0x1p-24f;
      return sign == 0 ? v : -v;
    }
    if (exponent == 31) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }

  private static long[] toLongs(float[] v) {
    long[] l = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      l[i] = Math.round(v[i]);
    }
    return l;
  }
}
