package io.promptlens.cli;

import io.promptlens.vision.intake.IntakeLimits;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Turns option mistakes found after parsing into usage errors (exit 2), not internal ones. */
final class Options {

  private Options() {}

  static IntakeLimits limits(CommandSpec spec, IntakeOptions intake) {
    try {
      return intake.limits();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
