package io.promptlens.cli;

import io.promptlens.providers.ProviderCatalog;
import io.promptlens.providers.ProviderKind;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code promptlens providers list}: each provider with its default model, its key variable and
 * whether that key is set, and a warning when the default is past its retirement date. Makes no
 * network call. Exit 0.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists the providers, their default models and whether a key is set.")
final class ProvidersListCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> env = ProvidersCommand.environment.get();
    ProviderCatalog catalog;
    try {
      catalog = ProviderCatalog.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      err.println("promptlens: " + e.getMessage());
      err.flush();
      return PromptLensCli.USAGE;
    }
    LocalDate today = LocalDate.now(ProvidersCommand.clock.get());
    out.printf("%-18s %-24s %s%n", "PROVIDER", "DEFAULT MODEL", "KEY");
    for (ProviderKind kind : ProviderKind.values()) {
      String model = catalog.defaultModel(kind);
      out.printf(
          "%-18s %-24s %s%n",
          kind, model == null ? "(--model required)" : model, keyState(kind, env));
      if (model != null) {
        catalog
            .retirementWarning(kind, model, today)
            .ifPresent(warning -> out.println("  warning: " + warning));
      }
    }
    out.flush();
    return PromptLensCli.OK;
  }

  static String keyState(ProviderKind kind, Map<String, String> env) {
    String key = env.get(kind.keyVariable());
    boolean present = key != null && !key.isBlank();
    if (present) {
      return kind.keyVariable() + " set";
    }
    return kind.keyVariable() + (kind.keyRequired() ? " missing" : " not set (optional)");
  }
}
