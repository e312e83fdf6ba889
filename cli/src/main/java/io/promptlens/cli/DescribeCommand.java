package io.promptlens.cli;

import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.core.compiler.PromptResult;
import io.promptlens.engine.AnalysisEngine;
import java.io.PrintWriter;
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

  @Mixin PromptControlOptions prompt;

  @Mixin IntakeOptions intake;

  @Mixin ProviderOptions provider;

  @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files.")
  List<String> files;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PromptCompiler compiler = new PromptCompiler();
    Controls controls = prompt.controls(spec, variations, seed);
    Options.check(spec, () -> compiler.targets().require(target));
    PrintWriter out = spec.commandLine().getOut();
    boolean headers = (files.size() > 1 || variations > 1) && !json;
    try (AnalysisEngine pipeline = intake.engine(spec, provider)) {
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
}
