package io.promptlens.core.compiler;

import io.promptlens.core.analysis.AspectRatios;
import io.promptlens.core.compiler.TargetProfile.AspectSpec;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Puts the aspect ratio into a target's parameters the way the target takes it: the ratio itself,
 * the nearest listed ratio or size, a training bucket, or nothing where the output follows the
 * input image. Distances are measured on the logarithm of W/H, so 2:1 and 1:2 are equally far from
 * 1:1.
 */
final class AspectResolver {

  private AspectResolver() {}

  /** Adds the aspect parameters; returns a warning when the target could not take the ratio. */
  static @Nullable String apply(
      TargetProfile target, String aspect, Map<String, Object> parameters) {
    AspectSpec spec = target.aspect();
    double ratio = AspectRatios.value(aspect);
    switch (spec.handling()) {
      case PARAMETER -> parameters.put(spec.key(), aspect);
      case NEAREST_RATIO -> {
        String nearest = nearest(spec.options(), ratio);
        parameters.put(spec.key(), nearest);
        return snapped(target, aspect, nearest, ratio);
      }
      case NEAREST_SIZE, RESOLUTION_BUCKET -> {
        int[] size =
            spec.options().isEmpty()
                ? areaSize(ratio, spec.bucketSide(), spec.step())
                : parse(nearest(spec.options(), ratio));
        parameters.put("width", size[0]);
        parameters.put("height", size[1]);
        parameters.put("aspectRatio", aspect);
        if (spec.handling() == TargetProfile.AspectHandling.NEAREST_SIZE) {
          return snapped(target, aspect, size[0] + "x" + size[1], ratio);
        }
      }
      case FROM_INPUT -> {
        // The output keeps the input frame's shape; there is nothing to send.
      }
    }
    return null;
  }

  private static @Nullable String snapped(
      TargetProfile target, String aspect, String chosen, double ratio) {
    double chosenRatio = parse(chosen)[0] / (double) parse(chosen)[1];
    if (Math.abs(Math.log(chosenRatio) - Math.log(ratio)) > 0.03) {
      return target.name()
          + " offers no "
          + aspect
          + " output: used "
          + chosen
          + ", the nearest it offers; crop afterwards if the exact ratio matters";
    }
    return null;
  }

  /** The option ("16:9" or "1024x576") nearest to {@code ratio}, the first of equals. */
  static String nearest(List<String> options, double ratio) {
    String best = options.get(0);
    double bestDistance = Double.MAX_VALUE;
    for (String option : options) {
      int[] size = parse(option);
      double distance = Math.abs(Math.log((double) size[0] / size[1]) - Math.log(ratio));
      if (distance < bestDistance - 1e-12) {
        bestDistance = distance;
        best = option;
      }
    }
    return best;
  }

  static int[] parse(String option) {
    String[] parts = option.split("[x:]");
    return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
  }

  /** About {@code side}² pixels at the given ratio, both sides multiples of {@code step}. */
  static int[] areaSize(double ratio, int side, int step) {
    double height = Math.sqrt((double) side * side / ratio);
    double width = height * ratio;
    return new int[] {roundTo(width, step), roundTo(height, step)};
  }

  private static int roundTo(double value, int step) {
    return Math.max(step, (int) Math.round(value / step) * step);
  }
}
