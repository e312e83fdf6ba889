package io.promptlens.core.compiler;

import io.promptlens.core.analysis.AspectRatios;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Structured parameters per target family: aspect ratio, output size and mode settings. */
final class TargetParameters {

  /**
   * SDXL's training resolution buckets (about one megapixel each), from the SDXL report (Podell et
   * al., 2023, "SDXL: Improving Latent Diffusion Models for High-Resolution Image Synthesis",
   * multi-aspect training). Generating off these buckets degrades composition.
   */
  static final List<int[]> SDXL_BUCKETS =
      List.of(
          new int[] {1024, 1024},
          new int[] {1152, 896},
          new int[] {896, 1152},
          new int[] {1216, 832},
          new int[] {832, 1216},
          new int[] {1344, 768},
          new int[] {768, 1344},
          new int[] {1536, 640},
          new int[] {640, 1536});

  /**
   * Denoising strength recommended for image-to-image in edit mode: around the middle of the range
   * the composition and palette of the source survive while the content can change.
   */
  static final double EDIT_DENOISING_STRENGTH = 0.55;

  /** Midjourney model version the prompts are written for. */
  static final String MIDJOURNEY_VERSION = "7";

  private TargetParameters() {}

  static Map<String, Object> of(TargetProfile target, Mode mode, String aspect, List<String> no) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    switch (target.family()) {
      case "midjourney" -> {
        parameters.put("ar", aspect);
        parameters.put("v", MIDJOURNEY_VERSION);
        if (!no.isEmpty()) {
          parameters.put("no", String.join(", ", no));
        }
      }
      case "stable-diffusion" -> {
        int[] bucket = nearestBucket(AspectRatios.value(aspect));
        parameters.put("width", bucket[0]);
        parameters.put("height", bucket[1]);
        if (mode == Mode.EDIT) {
          parameters.put("denoisingStrength", EDIT_DENOISING_STRENGTH);
        }
      }
      default -> {
        int[] size = megapixelSize(AspectRatios.value(aspect), 16);
        parameters.put("width", size[0]);
        parameters.put("height", size[1]);
      }
    }
    parameters.put("aspectRatio", aspect);
    return parameters;
  }

  /** Midjourney reads its parameters from the end of the prompt text. */
  static String midjourneySuffix(Map<String, Object> parameters) {
    StringBuilder suffix = new StringBuilder();
    suffix.append(" --ar ").append(parameters.get("ar"));
    suffix.append(" --v ").append(parameters.get("v"));
    if (parameters.containsKey("no")) {
      suffix.append(" --no ").append(parameters.get("no"));
    }
    return suffix.toString();
  }

  static int[] nearestBucket(double ratio) {
    int[] best = SDXL_BUCKETS.get(0);
    for (int[] bucket : SDXL_BUCKETS) {
      if (Math.abs(Math.log((double) bucket[0] / bucket[1]) - Math.log(ratio))
          < Math.abs(Math.log((double) best[0] / best[1]) - Math.log(ratio))) {
        best = bucket;
      }
    }
    return best;
  }

  /** About one megapixel at the given ratio, both sides multiples of {@code step}. */
  static int[] megapixelSize(double ratio, int step) {
    double height = Math.sqrt(1024.0 * 1024.0 / ratio);
    double width = height * ratio;
    return new int[] {roundTo(width, step), roundTo(height, step)};
  }

  private static int roundTo(double value, int step) {
    return Math.max(step, (int) Math.round(value / step) * step);
  }
}
