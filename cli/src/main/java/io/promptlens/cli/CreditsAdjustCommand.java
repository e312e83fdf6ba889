package io.promptlens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code promptlens credits adjust --workspace ID --amount N --reason TEXT}: adds (or, negative,
 * removes) credits with a ledger entry. The ledger's rules (balance row locked, cached balance
 * moved in the same transaction, no overdraft) live in the app, and the CLI does not depend on the
 * app, so this runs the app jar as a child process without its web server ({@code
 * promptlens.command=credits-adjust}), against the database the app is configured for: the H2 file
 * under {@code --data-dir}, or PostgreSQL through the app's usual environment ({@code
 * SPRING_PROFILES_ACTIVE=postgres}, {@code PROMPTLENS_DB_URL}, ...), which the child inherits.
 */
@Command(
    name = "adjust",
    mixinStandardHelpOptions = true,
    description = "Adds or removes credits of a workspace, recorded in its ledger with a reason.")
final class CreditsAdjustCommand implements Callable<Integer> {

  @Option(names = "--workspace", required = true, description = "The workspace's id.")
  UUID workspace;

  @Option(
      names = "--amount",
      required = true,
      description = "Credits to add; negative to remove (never below what is available).")
  long amount;

  @Option(names = "--reason", required = true, description = "Why; kept in the ledger.")
  String reason;

  @Mixin AppJarOptions app;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (reason.isBlank()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--reason must not be blank");
    }
    if (amount == 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--amount must not be 0");
    }
    Path jar = app.builtJar(spec.commandLine().getErr());
    if (jar == null) {
      return PromptLensCli.INTERNAL_ERROR;
    }
    return new ProcessBuilder(command(jar)).inheritIO().start().waitFor();
  }

  /** The child's command line: the app without a web server, running the one command. */
  List<String> command(Path jar) {
    List<String> command = app.command(jar);
    command.add("--spring.main.web-application-type=none");
    command.add("--spring.main.banner-mode=off");
    command.add("--promptlens.command=credits-adjust");
    command.add("--promptlens.command.workspace=" + workspace);
    command.add("--promptlens.command.amount=" + amount);
    command.add("--promptlens.command.reason=" + reason.strip());
    return command;
  }
}
