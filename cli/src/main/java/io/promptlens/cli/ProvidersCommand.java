package io.promptlens.cli;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code promptlens providers list|check}: which vision-language providers are set up, and whether
 * a key and model work. Reads keys from the environment and the model catalog from {@code
 * PROMPTLENS_PROVIDER_CATALOG} when set.
 */
@Command(
    name = "providers",
    mixinStandardHelpOptions = true,
    description = "Lists the vision-language providers (list) or checks a key and model (check).",
    subcommands = {ProvidersListCommand.class, ProvidersCheckCommand.class})
final class ProvidersCommand implements Runnable {

  /** Where keys come from; tests replace it. */
  static Supplier<Map<String, String>> environment = System::getenv;

  /** What "today" is for retirement dates; tests replace it. */
  static Supplier<Clock> clock = Clock::systemUTC;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "list or check is required");
  }
}
