package io.promptlens.cli;

import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Detail;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.core.compiler.PromptResult;
import io.promptlens.providers.VisionProvider;
import io.promptlens.vision.intake.IntakeLimits;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code promptlens describe [--target ID] [--mode M] [--json] IMAGE...}: a prompt per image. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = "Writes a prompt for a target model from each image.")
final class DescribeCommand implements Callable<Integer> {

  @Option(
      names = {"-t", "--target"},
      paramLabel = "ID",
      defaultValue = "midjourney",
      description =
          "Target model id or alias (see `promptlens targets`; default: ${DEFAULT-VALUE}).")
  String target;

  @Option(
      names = {"-m", "--mode"},
      paramLabel = "MODE",
      defaultValue = "full",
      description = "full, style, edit or video (default: ${DEFAULT-VALUE}).")
  Mode mode;

  @Option(names = "--json", description = "JSON Lines: one prompt object per image.")
  boolean json;

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
  String aspect;

  @Option(names = "--subject", paramLabel = "TEXT", description = "What the picture shows.")
  String subject;

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
  Integer maxLength;

  @Option(
      names = "--variations",
      paramLabel = "N",
      defaultValue = "1",
      description = "N distinct prompts per image (1-20; default: ${DEFAULT-VALUE}).")
  int variations;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "0",
      description = "Seed for --variations; the same seed gives the same prompts.")
  long seed;

  @Mixin IntakeOptions intake;

  @Mixin ProviderOptions provider;

  @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files.")
  List<String> files;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PromptCompiler compiler = new PromptCompiler();
    Controls controls;
    try {
      controls =
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
              seed);
      compiler.targets().require(target);
      if (aspect != null && !aspect.strip().matches("[1-9][0-9]{0,3}:[1-9][0-9]{0,3}")) {
        throw new IllegalArgumentException(
            "--aspect must be W:H with whole numbers, like 16:9 (got '" + aspect + "')");
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    IntakeLimits limits = Options.limits(spec, intake);
    VisionProvider vlm = provider.create(spec, System.getenv());
    boolean headers = (files.size() > 1 || variations > 1) && !json;
    try (AnalysisPipeline pipeline =
        new AnalysisPipeline(
            limits, intake.neuralInstallingOnFirstUse(spec.commandLine().getErr()), vlm)) {
      return ImageBatch.run(
          files,
          pipeline,
          spec.commandLine().getErr(),
          (file, analysis) -> {
            List<PromptResult> results =
                controls.variations() == 1
                    ? List.of(compiler.compile(analysis, target, mode, controls))
                    : compiler.compileVariations(analysis, target, mode, controls);
            if (headers) {
              out.println("# " + file);
            }
            for (PromptResult result : results) {
              if (json) {
                out.println(Json.line(file, result));
                continue;
              }
              out.println(result.prompt());
              if (result.negativePrompt() != null) {
                out.println("Negative prompt: " + result.negativePrompt());
              }
              result.warnings().forEach(w -> out.println("warning: " + cliWording(w)));
            }
            out.flush();
          });
    }
  }

  /** The compiler's unnamed-subject warning, worded for this command's options. */
  static final String UNNAMED_SUBJECT =
      "the subject is not named, so the prompt describes only its measured size, place, colour"
          + " and shape: name it with --subject TEXT, or let a vision-language model name it with"
          + " --provider NAME";

  private static String cliWording(String warning) {
    return warning.equals(PromptCompiler.UNNAMED_SUBJECT) ? UNNAMED_SUBJECT : warning;
  }

  private static List<String> trimmed(List<String> phrases) {
    return phrases.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
  }
}
