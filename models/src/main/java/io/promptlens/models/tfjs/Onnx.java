package io.promptlens.models.tfjs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds an ONNX model (IR 8, default opset {@value #OPSET}) as protobuf bytes: nodes,
 * initializers, one float input and named float outputs. Field numbers are those of onnx.proto.
 */
final class Onnx {

  static final int OPSET = 18;
  static final int FLOAT = 1;
  static final int INT64 = 7;

  private final List<Protobuf> nodes = new ArrayList<>();
  private final List<Protobuf> initializers = new ArrayList<>();
  private final List<Protobuf> inputs = new ArrayList<>();
  private final List<Protobuf> outputs = new ArrayList<>();
  private int counter;

  /** A fresh tensor name with the given stem. */
  String fresh(String stem) {
    return stem + "__" + (counter++);
  }

  /** Adds a node; {@code attributes} are built with the {@code attr*} helpers. */
  void node(String op, List<String> in, List<String> out, Protobuf... attributes) {
    Protobuf n = new Protobuf();
    for (String i : in) {
      n.string(1, i);
    }
    for (String o : out) {
      n.string(2, o);
    }
    n.string(3, fresh(op));
    n.string(4, op);
    for (Protobuf a : attributes) {
      n.message(5, a);
    }
    nodes.add(n);
  }

  /** One-output node; returns the output name. */
  String op(String op, List<String> in, Protobuf... attributes) {
    String out = fresh(op);
    node(op, in, List.of(out), attributes);
    return out;
  }

  String floats(String name, long[] dims, float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    initializers.add(tensor(name, dims, FLOAT, b.array()));
    return name;
  }

  String longs(String name, long[] dims, long[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      b.putLong(v);
    }
    initializers.add(tensor(name, dims, INT64, b.array()));
    return name;
  }

  /** A 1-D int64 constant. */
  String longs(long... values) {
    return longs(fresh("const"), new long[] {values.length}, values);
  }

  void input(String name, long[] shape) {
    inputs.add(valueInfo(name, shape));
  }

  void output(String name) {
    outputs.add(valueInfo(name, null));
  }

  static Protobuf attr(String name, long value) {
    return new Protobuf().string(1, name).varint(3, value).varint(20, 2);
  }

  static Protobuf attr(String name, float value) {
    return new Protobuf().string(1, name).float32(2, value).varint(20, 1);
  }

  static Protobuf attr(String name, String value) {
    return new Protobuf().string(1, name).string(4, value).varint(20, 3);
  }

  static Protobuf attr(String name, long[] values) {
    Protobuf a = new Protobuf().string(1, name);
    for (long v : values) {
      a.varint(8, v);
    }
    return a.varint(20, 7);
  }

  byte[] build(String producer) {
    Protobuf graph = new Protobuf();
    nodes.forEach(n -> graph.message(1, n));
    graph.string(2, "converted");
    initializers.forEach(t -> graph.message(5, t));
    inputs.forEach(i -> graph.message(11, i));
    outputs.forEach(o -> graph.message(12, o));
    return new Protobuf()
        .varint(1, 8)
        .string(2, producer)
        .string(3, "1.0")
        .message(7, graph)
        .message(8, new Protobuf().string(1, "").varint(2, OPSET))
        .toByteArray();
  }

  private static Protobuf tensor(String name, long[] dims, int type, byte[] raw) {
    Protobuf t = new Protobuf();
    for (long d : dims) {
      t.varint(1, d);
    }
    return t.varint(2, type).string(8, name).bytes(9, raw);
  }

  private static Protobuf valueInfo(String name, long @Nullable [] shape) {
    Protobuf tensorType = new Protobuf().varint(1, FLOAT);
    if (shape != null) {
      Protobuf s = new Protobuf();
      for (long d : shape) {
        s.message(1, d < 0 ? new Protobuf().string(2, "N") : new Protobuf().varint(1, d));
      }
      tensorType.message(2, s);
    }
    return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
  }
}
