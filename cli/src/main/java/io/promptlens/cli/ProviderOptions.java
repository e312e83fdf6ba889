package io.promptlens.cli;

import io.promptlens.providers.ProviderConfig;
import io.promptlens.providers.ProviderKind;
import io.promptlens.providers.Providers;
import io.promptlens.providers.VisionProvider;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The optional vision-language provider: which service, which model, where. */
final class ProviderOptions {

  @Option(
      names = "--provider",
      paramLabel = "NAME",
      description =
          "Vision-language provider for open-vocabulary content: openai, anthropic, gemini,"
              + " ollama or openai-compatible (keys from OPENAI_API_KEY, ANTHROPIC_API_KEY,"
              + " GEMINI_API_KEY). Without it the local engine runs alone.")
  @Nullable String provider;

  @Option(names = "--model", paramLabel = "MODEL", description = "Provider model id.")
  @Nullable String model;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "Provider address (required for openai-compatible, e.g. http://host:8000/v1).")
  @Nullable String baseUrl;

  /** The configured provider, or null when none was asked for; config mistakes are usage errors. */
  @Nullable VisionProvider create(CommandSpec spec, Map<String, String> environment) {
    if (provider == null) {
      if (model != null || baseUrl != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--model and --base-url need --provider");
      }
      return null;
    }
    String named = provider; // a local, so the lambda below sees it checked
    ProviderConfig config =
        Options.checked(
            spec,
            () ->
                ProviderConfig.fromEnvironment(
                    ProviderKind.parse(named), model, baseUrl, environment));
    // A retired model is still tried (the service may serve it a while longer), but the user
    // learns why it may fail or be billed as another model, and what to use instead.
    config
        .retirementWarning(LocalDate.now(ZoneOffset.UTC))
        .ifPresent(
            warning -> {
              spec.commandLine().getErr().println("promptlens: warning: " + warning);
              spec.commandLine().getErr().flush();
            });
    return Options.checked(spec, () -> Providers.create(config));
  }
}
