package io.promptlens.vision.neural;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the models run: the CPU, or ONNX Runtime's CUDA execution provider when asked for with
 * {@value #ENV}{@code =1} (or the system property {@value #PROPERTY}{@code =true}) and the {@code
 * com.microsoft.onnxruntime:onnxruntime_gpu} artifact is on the class path in place of the CPU one.
 * Asked for but unavailable, the models run on the CPU and {@link #note()} says why. Decided once
 * per process; immutable.
 *
 * @param cuda whether sessions append the CUDA execution provider (device 0) before the CPU one
 * @param note why CUDA was asked for but not used; null when nothing needs saying
 */
record Accelerator(boolean cuda, @Nullable String note) {

  static final String ENV = "PROMPTLENS_ONNX_CUDA";
  static final String PROPERTY = "promptlens.onnx.cuda";

  static final Accelerator CPU = new Accelerator(false, null);

  private static volatile @Nullable Accelerator current;

  /** The process-wide choice, from the environment and the providers this runtime has. */
  static Accelerator current() {
    Accelerator a = current;
    if (a == null) {
      a =
          choose(
              requested(System.getenv(), System.getProperty(PROPERTY)),
              OrtEnvironment.getAvailableProviders());
      current = a;
    }
    return a;
  }

  static boolean requested(Map<String, String> env, String property) {
    String v = property != null ? property : env.get(ENV);
    if (v == null) {
      return false;
    }
    String s = v.trim().toLowerCase(Locale.ROOT);
    return s.equals("1") || s.equals("true") || s.equals("yes");
  }

  static Accelerator choose(boolean requested, EnumSet<OrtProvider> available) {
    if (!requested) {
      return CPU;
    }
    if (available.contains(OrtProvider.CUDA)) {
      return new Accelerator(true, null);
    }
    return new Accelerator(
        false,
        "neural: "
            + ENV
            + " asks for CUDA, but this ONNX Runtime has no CUDA provider (it has "
            + available
            + "); the models run on the CPU. Put com.microsoft.onnxruntime:onnxruntime_gpu on the"
            + " class path in place of onnxruntime to use the GPU");
  }

  /** The note for a CUDA provider that was available but failed to start for a model. */
  static String fellBack(String model, Exception e) {
    return "neural: CUDA could not start for model "
        + model
        + " ("
        + e.getMessage()
        + "); it runs on the CPU";
  }
}
