package io.promptlens.cli;

import io.promptlens.providers.ProviderCheck;
import io.promptlens.providers.ProviderConfig;
import io.promptlens.providers.ProviderKind;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code promptlens providers check [--provider P] [--model M] [--base-url URL]}: one authenticated
 * model-list call per provider that says whether the key works and the model is available, retired
 * or unknown. Without {@code --provider}, every provider whose key is set (and Ollama when {@code
 * OLLAMA_HOST} is set). Exit 0 when every check passed, 3 otherwise.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Checks a provider's key and model with one model-list call.")
final class ProvidersCheckCommand implements Callable<Integer> {

  @Option(names = "--provider", paramLabel = "NAME", description = "The provider to check.")
  @Nullable String provider;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description = "The model (default: its default).")
  @Nullable String model;

  @Option(names = "--base-url", paramLabel = "URL", description = "The provider's address.")
  @Nullable String baseUrl;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> env = ProvidersCommand.environment.get();
    LocalDate today = LocalDate.now(ProvidersCommand.clock.get());
    List<ProviderKind> kinds = new ArrayList<>();
    if (provider == null) {
      if (model != null || baseUrl != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--model and --base-url need --provider");
      }
      for (ProviderKind kind : ProviderKind.values()) {
        if (configured(kind, env)) {
          kinds.add(kind);
        }
      }
      if (kinds.isEmpty()) {
        err.println(
            "promptlens: no provider is set up: set OPENAI_API_KEY, ANTHROPIC_API_KEY,"
                + " GEMINI_API_KEY or OLLAMA_HOST, or name one with --provider");
        err.flush();
        return PromptLensCli.INPUT_FAILED;
      }
    } else {
      String named = provider; // a local, so the lambda below sees it checked
      kinds.add(Options.checked(spec, () -> ProviderKind.parse(named)));
    }
    boolean allOk = true;
    for (ProviderKind kind : kinds) {
      ProviderCheck.Result result = check(kind, env, today);
      allOk &= result.ok();
      out.printf(
          "%-16s %s%n",
          result.outcome().toString().toLowerCase(Locale.ROOT).replace('_', '-'), result.message());
      out.flush();
    }
    return allOk ? PromptLensCli.OK : PromptLensCli.INPUT_FAILED;
  }

  private ProviderCheck.Result check(ProviderKind kind, Map<String, String> env, LocalDate today) {
    String key = env.get(kind.keyVariable());
    if (kind.keyRequired() && (key == null || key.isBlank())) {
      return ProviderCheck.noKey(kind, model == null ? kind.defaultModel() : model);
    }
    ProviderConfig config =
        Options.checked(spec, () -> ProviderConfig.fromEnvironment(kind, model, baseUrl, env));
    return ProviderCheck.run(config, today);
  }

  /** Set up without flags: a key is present, or, for Ollama, OLLAMA_HOST names a server. */
  private static boolean configured(ProviderKind kind, Map<String, String> env) {
    return switch (kind) {
      case OPENAI, ANTHROPIC, GEMINI -> present(env.get(kind.keyVariable()));
      case OLLAMA -> present(env.get("OLLAMA_HOST"));
      case OPENAI_COMPATIBLE -> false;
    };
  }

  private static boolean present(@Nullable String value) {
    return value != null && !value.isBlank();
  }
}
