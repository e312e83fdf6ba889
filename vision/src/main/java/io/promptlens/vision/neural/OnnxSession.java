package io.promptlens.vision.neural;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * The one place an ONNX Runtime session is opened: CPU (or CUDA first, see {@link Accelerator}),
 * full graph optimisation, kept on disk after the first load ({@link OptimizedModels}). A model
 * whose input shape is fixed (every model an analysis always runs: the text probe, objects, faces,
 * safety; and the small heads after them) runs on the calling thread alone: an analysis already
 * runs those models side by side with the measured analyzers ({@code vision/Fork}, one thread per
 * core), and splitting each run's operators over a pool thread as well only added threads waking
 * and sleeping on the same cores (1 MP garden photo, quiet 2-core machine: the whole analysis 81–95
 * against 97–109 ms, CPU per analysis 156–181 against 184–210 ms, each model in turn no slower;
 * docs/performance.md). The text detector at full size and the reader, which run only on text and
 * whose page-sized runs are the longest single runs there are, share one process-wide pool of
 * intra-op threads, one per core, that sleep instead of spinning when idle: concurrent requests
 * then queue for the cores instead of running a pool of spinning threads per model and request
 * (nine models × two threads on two cores before). Models whose input size varies from call to call
 * (text detection and reading) run without the memory arena and memory patterns, which otherwise
 * keep the largest tensor each shape ever needed (a 2,400 px page) for the life of the process; the
 * text probe, whose input is small and of a few shapes, keeps them on a session of its own ({@link
 * TextDetector}). {@link OrtSession#run} is thread-safe, so one instance serves concurrent callers;
 * every {@link OrtException} leaves as {@link NeuralException} naming the model.
 */
final class OnnxSession implements AutoCloseable {

  /** Whether a model's input shape changes between calls; see the class comment. */
  enum Shapes {
    FIXED,
    VARYING
  }

  private final String name;
  private final String sha256;
  private final OrtSession session;
  private final String input;
  private final @Nullable String fallback;

  private OnnxSession(String name, String sha256, OrtSession session) {
    this(name, sha256, session, null);
  }

  /** How long {@link #close} waits for the runs in flight. */
  static final long CLOSE_WAIT_SECONDS = 30;

  /** Runs hold its read side and {@link #close} its write side, so no run meets a freed model. */
  private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();

  /** Guarded by {@link #inUse}. */
  private boolean closed;

  private OnnxSession(String name, String sha256, OrtSession session, @Nullable String fallback) {
    this.name = name;
    this.sha256 = sha256;
    this.session = session;
    this.input = session.getInputNames().iterator().next();
    this.fallback = fallback;
  }

  /** This session with the note that says why it runs on the CPU though CUDA was asked for. */
  private OnnxSession fellBack(String note) {
    return new OnnxSession(name, sha256, session, note);
  }

  static OnnxSession open(String name, Path file, String sha256) {
    return open(name, file, sha256, Shapes.FIXED);
  }

  static OnnxSession open(String name, Path file, String sha256, Shapes shapes) {
    return open(name, file, sha256, shapes, Accelerator.current());
  }

  static OnnxSession open(String name, Path file, String sha256, Accelerator accelerator) {
    return open(name, file, sha256, Shapes.FIXED, accelerator);
  }

  static OnnxSession open(
      String name, Path file, String sha256, Shapes shapes, Accelerator accelerator) {
    if (accelerator.cuda()) {
      try {
        OrtSession.SessionOptions options = options(shapes, OptLevel.ALL_OPT);
        options.addCUDA(0);
        return new OnnxSession(name, sha256, Runtime.ENV.createSession(file.toString(), options));
      } catch (OrtException | RuntimeException e) {
        // The note stays with this session, so it reaches the engine that opened it, and no other.
        return openOnCpu(name, file, sha256, shapes).fellBack(Accelerator.fellBack(name, e));
      }
    }
    return openOnCpu(name, file, sha256, shapes);
  }

  private static OnnxSession openOnCpu(String name, Path file, String sha256, Shapes shapes) {
    OrtEnvironment env = Runtime.ENV;
    if (OptimizedModels.enabled()) {
      OnnxSession cached = openCached(name, file, sha256, shapes);
      if (cached != null) {
        return cached;
      }
    }
    try {
      return new OnnxSession(
          name, sha256, env.createSession(file.toString(), options(shapes, OptLevel.ALL_OPT)));
    } catch (OrtException e) {
      throw new NeuralException("cannot load model " + name + " from " + file, e);
    }
  }

  /**
   * The session from the cached optimised file, writing that file first when it is missing; null
   * when neither works (the caller then loads the model as shipped).
   */
  private static @Nullable OnnxSession openCached(
      String name, Path file, String sha256, Shapes shapes) {
    Path cached = OptimizedModels.cached(file, sha256);
    if (Files.isRegularFile(cached)) {
      try {
        // Already optimised for this runtime and CPU: optimising again would only cost time.
        return new OnnxSession(
            name,
            sha256,
            Runtime.ENV.createSession(cached.toString(), options(shapes, OptLevel.NO_OPT)));
      } catch (OrtException | RuntimeException e) {
        // A damaged cache file: optimise from the shipped model and write it again below.
      }
    }
    Path temporary = null;
    try {
      temporary = OptimizedModels.temporary(cached);
      OrtSession.SessionOptions options = options(shapes, OptLevel.ALL_OPT);
      options.setOptimizedModelFilePath(temporary.toString());
      OnnxSession session =
          new OnnxSession(name, sha256, Runtime.ENV.createSession(file.toString(), options));
      OptimizedModels.publish(temporary, cached);
      return session;
    } catch (IOException | OrtException | RuntimeException e) {
      OptimizedModels.discard(temporary);
      return null;
    }
  }

  /**
   * Whether a session runs on its caller's thread alone, with no intra-op pool: the fixed-shape
   * models, which an analysis runs side by side (see the class comment).
   */
  static boolean callerOnly(Shapes shapes) {
    return shapes == Shapes.FIXED;
  }

  private static OrtSession.SessionOptions options(Shapes shapes, OptLevel level)
      throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setOptimizationLevel(level);
    if (callerOnly(shapes)) {
      options.setIntraOpNumThreads(1);
    } else if (Runtime.GLOBAL_THREADS) {
      options.disablePerSessionThreads();
    } else {
      options.setIntraOpNumThreads(Runtime.THREADS);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
    }
    if (shapes == Shapes.VARYING) {
      options.setCPUArenaAllocator(false);
      options.setMemoryPatternOptimization(false);
    }
    return options;
  }

  /**
   * The process's ONNX Runtime environment. Created here with the shared thread pool when this
   * class is first used; when something else created the environment first (a test building a
   * model), sessions fall back to their own non-spinning pools.
   */
  private static final class Runtime {
    static final int THREADS = Math.max(1, java.lang.Runtime.getRuntime().availableProcessors());
    static final boolean GLOBAL_THREADS;
    static final OrtEnvironment ENV;

    static {
      OrtEnvironment env;
      boolean global;
      try (OrtEnvironment.ThreadingOptions threads = new OrtEnvironment.ThreadingOptions()) {
        threads.setGlobalIntraOpNumThreads(THREADS);
        threads.setGlobalInterOpNumThreads(1);
        threads.setGlobalSpinControl(false);
        // ERROR, not WARNING: saving an optimised model warns on stderr, which the CLI keeps for
        // one line per bad input.
        env =
            OrtEnvironment.getEnvironment(
                OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "promptlens", threads);
        global = true;
      } catch (OrtException | IllegalStateException e) {
        env = OrtEnvironment.getEnvironment();
        global = false;
      }
      ENV = env;
      GLOBAL_THREADS = global;
    }
  }

  String name() {
    return name;
  }

  String sha256() {
    return sha256;
  }

  /** Why this session runs on the CPU though CUDA was asked for; null when nothing needs saying. */
  @Nullable String fallback() {
    return fallback;
  }

  /** Runs the model on one float tensor; returns every output as a flat array with its shape. */
  Map<String, Output> run(float[] data, long[] shape) {
    Lock running = inUse.readLock();
    running.lock();
    try {
      if (closed) {
        throw new NeuralException(
            "model " + name + " is closed", new IllegalStateException("closed session"));
      }
      return runOpen(data, shape);
    } finally {
      running.unlock();
    }
  }

  private Map<String, Output> runOpen(float[] data, long[] shape) {
    OrtEnvironment env = Runtime.ENV;
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

  /** The output named {@code output} of a {@link #run}; a model without it fails, naming both. */
  Output output(Map<String, Output> outputs, String output) {
    Output found = outputs.get(output);
    if (found == null) {
      throw new NeuralException(
          "model " + name + " has no output " + output + " (it has " + outputs.keySet() + ")",
          new IllegalStateException(output));
    }
    return found;
  }

  /** The only output of a single-output model. */
  Output runSingle(float[] data, long[] shape) {
    return run(data, shape).values().iterator().next();
  }

  /**
   * Frees the model once the runs in flight have finished. A model freed while another thread runs
   * it crashes the whole process in native code (a server stopped during an analysis did), so close
   * waits for them, up to {@link #CLOSE_WAIT_SECONDS}; a run still going after that keeps its
   * model, which the process's exit then frees. A run after close fails with a {@link
   * NeuralException}.
   */
  @Override
  public void close() {
    Lock closing = inUse.writeLock();
    boolean quiet;
    try {
      quiet = closing.tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      quiet = false;
    }
    if (!quiet) {
      return;
    }
    try {
      if (!closed) {
        closed = true;
        session.close();
      }
    } catch (OrtException e) {
      throw new NeuralException("cannot close model " + name, e);
    } finally {
      closing.unlock();
    }
  }

  /** A model output: values in row-major order and the shape. */
  record Output(float[] values, long[] shape) {}
}
