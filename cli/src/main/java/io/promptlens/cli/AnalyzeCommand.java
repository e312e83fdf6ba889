package io.promptlens.cli;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.engine.AnalysisEngine;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code promptlens analyze [--json] IMAGE...}: the measured facts of each image. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Analyses images: size, aspect ratio, palette, tone and light.")
final class AnalyzeCommand implements Callable<Integer> {

  @Option(names = "--json", description = "JSON Lines: one ImageAnalysis object per image.")
  boolean json;

  @Mixin IntakeOptions intake;

  @Mixin ProviderOptions provider;

  @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files to analyse.")
  List<String> files;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (AnalysisEngine pipeline = intake.engine(spec, provider)) {
      return ImageBatch.run(
          files,
          pipeline,
          err,
          (file, analysis) -> {
            out.println(json ? Json.line(file, analysis) : summary(file, analysis));
            out.flush();
          });
    }
  }

  static String summary(String file, ImageAnalysis a) {
    StringBuilder s = new StringBuilder();
    s.append(file)
        .append(": ")
        .append(a.image().width())
        .append(" × ")
        .append(a.image().height())
        .append(' ')
        .append(a.image().format())
        .append(", ")
        .append(a.image().orientation())
        .append(' ')
        .append(a.image().aspectRatio())
        .append('\n');
    String tone =
        a.color().grayscale()
            ? "grayscale"
            : a.color().temperature() + ", " + a.color().saturation() + " saturation";
    s.append("  colour:  ").append(tone).append('\n');
    s.append("  palette: ")
        .append(
            a.color().palette().stream()
                .map(AnalyzeCommand::swatch)
                .collect(Collectors.joining(", ")))
        .append('\n');
    s.append("  light:   ")
        .append(a.light().key())
        .append(" key, ")
        .append(a.light().contrast())
        .append(" contrast");
    for (String note : a.notes()) {
      s.append("\n  note:    ").append(note);
    }
    return s.toString();
  }

  private static String swatch(PaletteColor color) {
    return String.format(
        Locale.ROOT, "%s %s %.0f%%", color.name(), color.hex(), color.share() * 100);
  }
}
