package io.promptlens.cli;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.caption.CaptionStyle;
import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.core.compiler.PromptResult;
import io.promptlens.engine.AnalysisEngine;
import io.promptlens.providers.VisionProvider;
import io.promptlens.vision.intake.IntakeLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code promptlens caption PATH...}: one training caption per image, as sidecar files beside the
 * images and/or JSON Lines or CSV rows. Images run in parallel on one set of loaded models.
 */
@Command(
    name = "caption",
    mixinStandardHelpOptions = true,
    description = "Writes a caption for every image in files and folders (sidecars, JSONL, CSV).")
final class CaptionCommand implements Callable<Integer> {

  @Option(
      names = {"-t", "--target"},
      paramLabel = "ID",
      defaultValue = "sdxl",
      description = "Target model id or alias (default: ${DEFAULT-VALUE}).")
  String target;

  @Option(
      names = {"-m", "--mode"},
      paramLabel = "MODE",
      defaultValue = "full",
      description = "full or style (default: ${DEFAULT-VALUE}).")
  Mode mode;

  @Option(
      names = {"-r", "--recursive"},
      description = "Also caption the images in sub-folders.")
  boolean recursive;

  @Option(
      names = "--write",
      paramLabel = "FORMAT",
      split = ",",
      description = "sidecar, jsonl or csv (repeatable; default: sidecar).")
  List<CaptionOutputs.Format> write = new ArrayList<>();

  @Option(
      names = "--ext",
      paramLabel = "EXT",
      defaultValue = ".txt",
      description = "Sidecar extension (default: ${DEFAULT-VALUE}; e.g. .caption).")
  String extension;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "File for jsonl/csv rows (default: stdout); with both, FILE's extension becomes .jsonl"
              + " and .csv.")
  @Nullable Path out;

  @Option(names = "--trigger", paramLabel = "WORD", description = "Written first in every caption.")
  @Nullable String trigger;

  @Option(names = "--prefix", paramLabel = "TEXT", description = "Written before the prompt.")
  @Nullable String prefix;

  @Option(names = "--suffix", paramLabel = "TEXT", description = "Written after the prompt.")
  @Nullable String suffix;

  @Option(
      names = "--exclude",
      paramLabel = "TAG",
      split = ",",
      description = "Tags never written (whole phrase, any case; repeatable or comma-separated).")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--underscores", description = "Booru style: long_hair instead of long hair.")
  boolean underscores;

  @Option(
      names = "--skip-existing",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Skip images already captioned (default); a re-run continues where it stopped.")
  boolean skipExisting;

  @Option(names = "--overwrite", description = "Caption every image again (= --no-skip-existing).")
  boolean overwrite;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "Images in parallel (default: the number of cores).")
  @Nullable Integer jobs;

  @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
  boolean noProgress;

  @Mixin PromptControlOptions prompt;

  @Mixin IntakeOptions intake;

  @Mixin ProviderOptions provider;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Image files and folders.")
  List<String> paths;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PromptCompiler compiler = new PromptCompiler();
    Controls controls = prompt.controls(spec, 1, 0);
    EnumSet<CaptionOutputs.Format> formats =
        write.isEmpty() ? EnumSet.of(CaptionOutputs.Format.SIDECAR) : EnumSet.copyOf(write);
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    CaptionStyle style =
        Options.checked(
            spec,
            () -> {
              compiler.targets().require(target);
              if (mode != Mode.FULL && mode != Mode.STYLE) {
                throw new IllegalArgumentException("--mode must be full or style for captions");
              }
              CaptionStyle checked =
                  new CaptionStyle(trigger, prefix, suffix, exclude, underscores);
              extension = CaptionFlags.extension(extension);
              CaptionFlags.checkRows(formats, out);
              if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("--jobs must be between 1 and 256");
              }
              return checked;
            });
    IntakeLimits limits = Options.limits(spec, intake);
    VisionProvider vlm = provider.create(spec, System.getenv());
    PrintWriter err = spec.commandLine().getErr();

    CaptionInputs inputs =
        CaptionInputs.find(
            paths, recursive, formats.contains(CaptionOutputs.Format.SIDECAR) ? extension : "");
    boolean fresh = overwrite || !skipExisting;
    try (CaptionOutputs outputs =
        new CaptionOutputs(formats, extension, out, fresh, spec.commandLine().getOut())) {
      Map<Path, Path> sidecarOwners = new HashMap<>();
      List<Path> todo = new ArrayList<>();
      List<CaptionInputs.Failure> failures = new ArrayList<>(inputs.failures);
      int skipped = 0;
      for (Path image : inputs.images) {
        if (outputs.writesSidecars()) {
          Path owner = sidecarOwners.putIfAbsent(outputs.sidecar(image), image);
          if (owner != null) {
            failures.add(
                new CaptionInputs.Failure(
                    image.toString(),
                    "has the same sidecar as "
                        + owner
                        + " ("
                        + outputs.sidecar(image).getFileName()
                        + "); rename one of them"));
            continue;
          }
        }
        if (outputs.done(image, image.toString())) {
          skipped++;
        } else {
          todo.add(image);
        }
      }
      CaptionProgress progress =
          new CaptionProgress(err, !noProgress && System.console() != null, todo.size());
      failures.forEach(f -> progress.failed(f.file(), f.reason()));
      AtomicInteger captioned = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger(failures.size());
      try (AnalysisEngine pipeline =
          AnalysisEngine.owning(limits, intake.neural(), vlm, PromptLensCli.ENGINE_NOTES)) {
        Captioner captioner =
            image -> {
              byte[] bytes = read(image, limits);
              ImageAnalysis analysis = pipeline.analyze(bytes);
              PromptResult result = compiler.compile(analysis, target, mode, controls);
              outputs.write(
                  image,
                  new CaptionOutputs.Row(
                      image.toString(),
                      style.apply(result.prompt()),
                      result,
                      sha256(bytes),
                      analysis.image().width(),
                      analysis.image().height()));
            };
        runAll(todo, threads, captioner, progress, captioned, failed);
      }
      progress.summary(
          String.format(
              "caption: %d captioned, %d already captioned (skipped), %d failed, %d not images"
                  + " and %d hidden files skipped",
              captioned.get(), skipped, failed.get(), inputs.notImages, inputs.hidden));
      return failed.get() > 0 ? PromptLensCli.INPUT_FAILED : PromptLensCli.OK;
    }
  }

  /** One image from file to outputs; any exception is that image's failure. */
  interface Captioner {
    void caption(Path image) throws Exception;
  }

  /**
   * At most {@code 2 × threads} images are waiting or running at a time, so memory stays bounded by
   * the workers, not the folder: each holds one image's bytes and pixels while it works.
   */
  static void runAll(
      List<Path> images,
      int threads,
      Captioner captioner,
      CaptionProgress progress,
      AtomicInteger captioned,
      AtomicInteger failed)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Semaphore inFlight = new Semaphore(2 * threads);
    try {
      for (Path image : images) {
        inFlight.acquire();
        pool.execute(
            () -> {
              try {
                captioner.caption(image);
                captioned.incrementAndGet();
              } catch (Exception e) {
                failed.incrementAndGet();
                progress.failed(image.toString(), ImageBatch.reason(e));
              } catch (OutOfMemoryError e) {
                failed.incrementAndGet();
                progress.failed(image.toString(), "not enough memory (try fewer --jobs)");
              } finally {
                progress.finished();
                inFlight.release();
              }
            });
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(365, TimeUnit.DAYS);
    }
  }

  /** At most the byte limit plus one, so the intake says "too large" without reading it all. */
  private static byte[] read(Path image, IntakeLimits limits) throws IOException {
    try (InputStream in = Files.newInputStream(image)) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limits.maxBytes() + 1));
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
