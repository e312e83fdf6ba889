package io.promptlens.core.compiler;

import io.promptlens.core.analysis.ImageAnalysis;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One compilation per call, per target and mode, from the rich fixture (the slowest: most phrases,
 * trimming for CLIP targets). The target is ≤ 1 ms at the median; run it as core/pom.xml's bench
 * profile describes, with {@code -bm sample} for percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PromptCompilerBenchmark {

  @Param({"midjourney", "sdxl", "pony", "flux", "flux-kontext", "runway", "hailuo"})
  public String target;

  @Param({"FULL", "VIDEO", "EDIT"})
  public String mode;

  private final PromptCompiler compiler = new PromptCompiler();
  private ImageAnalysis analysis;
  private Mode parsedMode;

  @Setup
  public void setUp() {
    analysis = Fixtures.rainyStreet();
    parsedMode = Mode.valueOf(mode);
    compiler.compile(analysis, target, parsedMode, Controls.defaults());
  }

  @Benchmark
  public PromptResult compile() {
    return compiler.compile(analysis, target, parsedMode, Controls.defaults());
  }
}
