package io.promptlens.models.tfjs;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Writes tiny TF.js graph models in memory, converts them and runs the result on ONNX Runtime. */
final class GraphBuilder {

  private final List<String> nodes = new ArrayList<>();
  private final List<String> weights = new ArrayList<>();
  private final ByteArrayOutputStream data = new ByteArrayOutputStream();

  GraphBuilder input(String name, long... shape) {
    StringJoiner dims = new StringJoiner(",");
    for (long d : shape) {
      dims.add("{\"size\":\"" + d + "\"}");
    }
    nodes.add(
        "{\"name\":\""
            + name
            + "\",\"op\":\"Placeholder\",\"attr\":{\"shape\":{\"shape\":{\"dim\":["
            + dims
            + "]}}}}");
    return this;
  }

  /** A float32 constant, or float16-quantised when {@code half}. */
  GraphBuilder constant(String name, long[] shape, float[] values, boolean half) {
    nodes.add("{\"name\":\"" + name + "\",\"op\":\"Const\",\"attr\":{}}");
    ByteBuffer b =
        ByteBuffer.allocate(values.length * (half ? 2 : 4)).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      if (half) {
        b.putShort(toHalf(v));
      } else {
        b.putFloat(v);
      }
    }
    data.writeBytes(b.array());
    weights.add(
        "{\"name\":\""
            + name
            + "\",\"shape\":"
            + json(shape)
            + ",\"dtype\":\"float32\""
            + (half
                ? ",\"quantization\":{\"dtype\":\"float16\",\"original_dtype\":\"float32\"}"
                : "")
            + "}");
    return this;
  }

  GraphBuilder constant(String name, long[] shape, float... values) {
    return constant(name, shape, values, false);
  }

  GraphBuilder ints(String name, long... values) {
    nodes.add("{\"name\":\"" + name + "\",\"op\":\"Const\",\"attr\":{}}");
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      b.putInt((int) v);
    }
    data.writeBytes(b.array());
    weights.add(
        "{\"name\":\"" + name + "\",\"shape\":[" + values.length + "],\"dtype\":\"int32\"}");
    return this;
  }

  /** A node; {@code attrs} is the inside of the attr object, built with the helpers below. */
  GraphBuilder node(String name, String op, List<String> inputs, String... attrs) {
    StringJoiner in = new StringJoiner(",");
    inputs.forEach(i -> in.add("\"" + i + "\""));
    nodes.add(
        "{\"name\":\""
            + name
            + "\",\"op\":\""
            + op
            + "\",\"input\":["
            + in
            + "],\"attr\":{"
            + String.join(",", attrs)
            + "}}");
    return this;
  }

  static String s(String key, String value) {
    return "\"" + key + "\":{\"s\":\"" + base64(value) + "\"}";
  }

  static String list(String key, long... values) {
    StringJoiner j = new StringJoiner(",");
    for (long v : values) {
      j.add("\"" + v + "\"");
    }
    return "\"" + key + "\":{\"list\":{\"i\":[" + j + "]}}";
  }

  static String strings(String key, String... values) {
    StringJoiner j = new StringJoiner(",");
    for (String v : values) {
      j.add("\"" + base64(v) + "\"");
    }
    return "\"" + key + "\":{\"list\":{\"s\":[" + j + "]}}";
  }

  static String f(String key, float value) {
    return "\"" + key + "\":{\"f\":" + value + "}";
  }

  static String b(String key, boolean value) {
    return "\"" + key + "\":{\"b\":" + value + "}";
  }

  TfjsGraph graph() throws Exception {
    String json =
        "{\"modelTopology\":{\"node\":["
            + String.join(",", nodes)
            + "]},\"weightsManifest\":[{\"paths\":[\"w.bin\"],\"weights\":["
            + String.join(",", weights)
            + "]}]}";
    return TfjsGraph.parse(json, data.toByteArray());
  }

  /** Converts keeping {@code output}, runs it on {@code x} fed to input "x", returns the output. */
  float[] run(String output, float[] x, long... shape) throws Exception {
    byte[] model = TfjsConverter.convert(graph(), List.of(output));
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
        OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
        OrtSession.Result result = session.run(Map.of("x", input))) {
      FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] v = new float[out.remaining()];
      out.get(v);
      return v;
    }
  }

  /**
   * How many nodes of the converted model (keeping {@code output}) have op type {@code op}: the
   * NodeProto op_type fields (field 4, tag 0x22) that spell it, counted in the protobuf bytes.
   */
  int count(String output, String op) throws Exception {
    byte[] model = TfjsConverter.convert(graph(), List.of(output));
    byte[] name = op.getBytes(StandardCharsets.UTF_8);
    int count = 0;
    for (int i = 0; i + 2 + name.length <= model.length; i++) {
      if (model[i] == 0x22
          && model[i + 1] == name.length
          && java.util.Arrays.equals(model, i + 2, i + 2 + name.length, name, 0, name.length)) {
        count++;
      }
    }
    return count;
  }

  private static String json(long[] shape) {
    StringJoiner j = new StringJoiner(",", "[", "]");
    for (long d : shape) {
      j.add(Long.toString(d));
    }
    return j.toString();
  }

  private static String base64(String v) {
    return Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8));
  }

  /** float → binary16, round to nearest (normal range only; enough for test weights). */
  static short toHalf(float v) {
    int bits = Float.floatToIntBits(v);
    int sign = (bits >>> 16) & 0x8000;
    int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
    int mantissa = bits & 0x7fffff;
    if (v == 0) {
      return (short) sign;
    }
    return (short) (sign | (exponent << 10) | ((mantissa + 0x1000) >>> 13));
  }
}
