package io.promptlens.cli;

import io.promptlens.vision.intake.IntakeLimits;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Turns option mistakes found after parsing into usage errors (exit 2), not internal ones. */
final class Options {

  private Options() {}

  static IntakeLimits limits(CommandSpec spec, IntakeOptions intake) {
    return checked(spec, intake::limits);
  }

  /** The value; an {@link IllegalArgumentException} while making it is a usage error. */
  static <T> T checked(CommandSpec spec, Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Runs a check of the options; an {@link IllegalArgumentException} is a usage error. */
  static void check(CommandSpec spec, Runnable check) {
    checked(
        spec,
        () -> {
          check.run();
          return null;
        });
  }
}
