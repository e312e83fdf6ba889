package io.promptlens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code promptlens credits}: operator commands on workspaces' credits. */
@Command(
    name = "credits",
    mixinStandardHelpOptions = true,
    description = "Operator commands on workspace credits (against the configured database).",
    subcommands = {CreditsAdjustCommand.class})
final class CreditsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
