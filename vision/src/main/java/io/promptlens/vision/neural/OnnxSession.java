package io.promptlens.vision.neural;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one place an ONNX Runtime session is opened: CPU (or CUDA first, see {@link Accelerator}), a
 * fixed number of intra-op threads, full graph optimisation. {@link OrtSession#run} is thread-safe,
 * so one instance serves concurrent callers; every {@link OrtException} leaves as {@link
 * NeuralException} naming the model.
 */
final class OnnxSession implements AutoCloseable {

  private final String name;
  private final String sha256;
  private final OrtSession session;
  private final String input;

  private OnnxSession(String name, String sha256, OrtSession session) {
    this.name = name;
    this.sha256 = sha256;
    this.session = session;
    this.input = session.getInputNames().iterator().next();
  }

  static OnnxSession open(String name, Path file, String sha256) {
    return open(name, file, sha256, Accelerator.current());
  }

  static OnnxSession open(String name, Path file, String sha256, Accelerator accelerator) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    if (accelerator.cuda()) {
      try {
        OrtSession.SessionOptions options = options();
        options.addCUDA(0);
        return new OnnxSession(name, sha256, env.createSession(file.toString(), options));
      } catch (OrtException | RuntimeException e) {
        FALLBACKS.add(Accelerator.fellBack(name, e));
      }
    }
    try {
      return new OnnxSession(name, sha256, env.createSession(file.toString(), options()));
    } catch (OrtException e) {
      throw new NeuralException("cannot load model " + name + " from " + file, e);
    }
  }

  /** Notes of models that were to run on CUDA and fell back to the CPU, in load order. */
  static final java.util.Queue<String> FALLBACKS =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private static OrtSession.SessionOptions options() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    options.setIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
    return options;
  }

  String name() {
    return name;
  }

  String sha256() {
    return sha256;
  }

  /** Runs the model on one float tensor; returns every output as a flat array with its shape. */
  Map<String, Output> run(float[] data, long[] shape) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
        OrtSession.Result result = session.run(Map.of(input, tensor))) {
      Map<String, Output> outputs = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, ai.onnxruntime.OnnxValue> e : result) {
        OnnxTensor t = (OnnxTensor) e.getValue();
        FloatBuffer buffer = t.getFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        outputs.put(e.getKey(), new Output(values, t.getInfo().getShape()));
      }
      return outputs;
    } catch (OrtException e) {
      throw new NeuralException(
          "model " + name + " failed on input " + java.util.Arrays.toString(shape), e);
    }
  }

  /** The only output of a single-output model. */
  Output runSingle(float[] data, long[] shape) {
    return run(data, shape).values().iterator().next();
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new NeuralException("cannot close model " + name, e);
    }
  }

  /** A model output: values in row-major order and the shape. */
  record Output(float[] values, long[] shape) {}
}
