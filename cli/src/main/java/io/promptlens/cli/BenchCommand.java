package io.promptlens.cli;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.intake.ImageIntake;
import io.promptlens.vision.intake.ImageRejectedException;
import io.promptlens.vision.intake.IntakeLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code promptlens bench [--json] IMAGE...}: after warm-up runs, the median time of each stage
 * over repeated runs: a full-resolution decode by ImageIO ({@code decodeFull}, the floor to compare
 * with: what reading the file costs in plain Java), the same by TurboJPEG where the machine has it
 * ({@code decodeFullTurbo}, reported, not the floor), the subsampled analysis decode, each measured
 * analyzer, each neural model ({@code neural.*}) and all of them together ({@code neural}), prompt
 * compilation, and the whole analysis (decode, analysis, compile) as it runs, the measured
 * analyzers beside the models ({@code total}), and with every stage in turn ({@code inTurn}). The
 * per-stage figures come from the in-turn run of each round, so each is that stage's own cost; side
 * by side they overlap and would not add up.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Times decoding, each analyzer and compilation (medians after warm-up).")
final class BenchCommand implements Callable<Integer> {

  @Option(names = "--json", description = "JSON Lines: one object of stage medians per image.")
  boolean json;

  @Option(names = "--warmup", defaultValue = "3", description = "Untimed runs first (default 3).")
  int warmup;

  @Option(names = "--runs", defaultValue = "9", description = "Timed runs (default 9).")
  int runs;

  @picocli.CommandLine.Mixin IntakeOptions engine;

  @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files to time.")
  List<String> files;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (warmup < 0 || runs < 1) {
      err.println("promptlens bench: --warmup must be ≥ 0 and --runs ≥ 1");
      return PromptLensCli.USAGE;
    }
    IntakeLimits limits = Options.limits(spec, engine);
    IntakeLimits unlimited =
        new IntakeLimits(limits.maxBytes(), limits.maxPixels(), Integer.MAX_VALUE / 2);
    ImageIntake full = ImageIntake.imageIoOnly(unlimited);
    ImageIntake fullTurbo = new ImageIntake(unlimited);
    try (var neural = new Closing(engine.neural())) {
      return run(
          out,
          err,
          full,
          fullTurbo.usesTurboJpeg() ? fullTurbo : null,
          new ImageAnalyzer(limits, neural.value()),
          limits);
    }
  }

  /** Closes the neural analyzers, which may be absent (--no-neural). */
  private record Closing(io.promptlens.vision.neural.@Nullable NeuralAnalyzers value)
      implements AutoCloseable {
    @Override
    public void close() {
      if (value != null) {
        value.close();
      }
    }
  }

  private int run(
      PrintWriter out,
      PrintWriter err,
      ImageIntake full,
      @Nullable ImageIntake fullTurbo,
      ImageAnalyzer analyzer,
      IntakeLimits limits) {
    ImageIntake intake = new ImageIntake(limits);
    PromptCompiler compiler = new PromptCompiler();
    String target = compiler.targets().all().get(0).id();
    int code = PromptLensCli.OK;
    for (String file : files) {
      Map<String, List<Long>> times = new LinkedHashMap<>();
      try {
        byte[] bytes = Files.readAllBytes(Path.of(file));
        for (int i = 0; i < warmup + runs; i++) {
          boolean timed = i >= warmup;
          long t0 = System.nanoTime();
          full.decode(bytes);
          long tTurbo = System.nanoTime();
          if (fullTurbo != null) {
            fullTurbo.decode(bytes);
          }
          long t1 = System.nanoTime();
          DecodedImage image = intake.decode(bytes);
          long t2 = System.nanoTime();
          ImageAnalysis analysis = analyzer.analyze(image);
          long t3 = System.nanoTime();
          compiler.compile(analysis, target, Mode.FULL, Controls.defaults());
          long t4 = System.nanoTime();
          // Each stage's own cost: the same analysis again, one stage after another.
          Map<String, Long> stages = new LinkedHashMap<>();
          long t5 = System.nanoTime();
          analyzer.analyzeInTurn(image, stages::put);
          long t6 = System.nanoTime();
          if (timed) {
            add(times, "decodeFull", tTurbo - t0);
            if (fullTurbo != null) {
              add(times, "decodeFullTurbo", t1 - tTurbo);
            }
            add(times, "decodeAnalysis", t2 - t1);
            stages.forEach((stage, nanos) -> add(times, stage, nanos));
            add(times, "compile", t4 - t3);
            add(times, "total", t4 - t1);
            add(times, "inTurn", (t2 - t1) + (t6 - t5) + (t4 - t3));
          }
        }
      } catch (IOException | ImageRejectedException e) {
        err.println("promptlens bench: " + file + ": " + e.getMessage());
        code = PromptLensCli.INPUT_FAILED;
        continue;
      }
      out.println(json ? json(file, times) : text(file, times));
      out.flush();
    }
    return code;
  }

  private static void add(Map<String, List<Long>> times, String stage, long nanos) {
    times.computeIfAbsent(stage, s -> new ArrayList<>()).add(nanos);
  }

  static double medianMs(List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    return Math.round(median / 10_000.0) / 100.0;
  }

  private static String json(String file, Map<String, List<Long>> times) {
    ObjectNode node = io.promptlens.vision.json.AnalysisJson.mapper().createObjectNode();
    node.put("file", file);
    node.put("unit", "ms");
    ObjectNode stages = node.putObject("stages");
    times.forEach((stage, nanos) -> stages.put(stage, medianMs(nanos)));
    return node.toString();
  }

  private static String text(String file, Map<String, List<Long>> times) {
    StringBuilder s = new StringBuilder(file).append(" (median ms)\n");
    // Every image that reaches the report was timed at least once (--runs >= 1), decodeFull first.
    double floor = medianMs(Objects.requireNonNull(times.get("decodeFull"), "decodeFull timed"));
    times.forEach(
        (stage, nanos) -> {
          double ms = medianMs(nanos);
          s.append(
              String.format(
                  Locale.ROOT, "  %-22s %9.2f  %5.2f× decodeFull%n", stage, ms, ms / floor));
        });
    return s.toString().stripTrailing();
  }
}
