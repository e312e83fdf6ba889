package io.promptlens.cli;

import io.promptlens.vision.intake.IntakeLimits;
import picocli.CommandLine.Option;

/** Intake limits shared by the commands that read images. */
final class IntakeOptions {

  @Option(
      names = "--max-mb",
      paramLabel = "MB",
      description = "Largest accepted file in megabytes (default: ${DEFAULT-VALUE}).",
      defaultValue = "30")
  long maxMegabytes;

  @Option(
      names = "--max-megapixels",
      paramLabel = "MP",
      description = "Largest accepted image size in megapixels (default: ${DEFAULT-VALUE}).",
      defaultValue = "100")
  long maxMegapixels;

  IntakeLimits limits() {
    if (maxMegabytes <= 0 || maxMegapixels <= 0) {
      throw new IllegalArgumentException("--max-mb and --max-megapixels must be positive");
    }
    return new IntakeLimits(
        maxMegabytes * 1024 * 1024,
        maxMegapixels * 1_000_000,
        IntakeLimits.DEFAULT_ANALYSIS_LONG_SIDE);
  }
}
