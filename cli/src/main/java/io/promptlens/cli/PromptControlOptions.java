package io.promptlens.cli;

import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Detail;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The prompt controls shared by {@code describe} and {@code caption}. */
final class PromptControlOptions {

  @Option(
      names = "--detail",
      paramLabel = "LEVEL",
      defaultValue = "medium",
      description = "short, medium or long (default: ${DEFAULT-VALUE}).")
  Detail detail;

  @Option(names = "--palette-hex", description = "Add hex codes to palette colours.")
  boolean paletteHex;

  @Option(names = "--no-negative", description = "Leave out the negative prompt.")
  boolean noNegative;

  @Option(names = "--aspect", paramLabel = "W:H", description = "Aspect ratio override.")
  @Nullable String aspect;

  @Option(names = "--subject", paramLabel = "TEXT", description = "What the picture shows.")
  @Nullable String subject;

  @Option(
      names = "--keep",
      paramLabel = "PHRASE",
      split = ",",
      description = "Phrases that must stay in the prompt (repeatable or comma-separated).")
  List<String> keep = new ArrayList<>();

  @Option(
      names = "--avoid",
      paramLabel = "PHRASE",
      split = ",",
      description = "What the result must not show (repeatable or comma-separated).")
  List<String> avoid = new ArrayList<>();

  @Option(names = "--no-camera", description = "Leave out shot, lens and composition terms.")
  boolean noCamera;

  @Option(
      names = "--weights",
      description =
          "Weight key phrases as (phrase:1.2) for Stable Diffusion targets (A1111/Comfy).")
  boolean weights;

  @Option(
      names = "--max-length",
      paramLabel = "N",
      description = "A length limit below the target's own, in the target's unit.")
  @Nullable Integer maxLength;

  /** The controls; a bad value is a usage error (exit 2). */
  Controls controls(CommandSpec spec, int variations, long seed) {
    if (aspect != null && !aspect.strip().matches("[1-9][0-9]{0,3}:[1-9][0-9]{0,3}")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--aspect must be W:H with whole numbers, like 16:9 (got '" + aspect + "')");
    }
    return Options.checked(
        spec,
        () ->
            new Controls(
                detail,
                paletteHex,
                !noNegative,
                aspect,
                subject,
                trimmed(keep),
                trimmed(avoid),
                !noCamera,
                weights,
                maxLength,
                variations,
                seed));
  }

  private static List<String> trimmed(List<String> phrases) {
    return phrases.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
  }
}
