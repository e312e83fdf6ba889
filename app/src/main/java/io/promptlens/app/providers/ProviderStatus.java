package io.promptlens.app.providers;

import io.promptlens.app.system.ProviderProperties;
import io.promptlens.providers.ProviderCatalog;
import io.promptlens.providers.ProviderCheck;
import io.promptlens.providers.ProviderConfig;
import io.promptlens.providers.ProviderKind;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What the CLI's {@code providers list} and {@code providers check} say, for the app: each
 * provider's default model and whether its key is set, and for the configured provider ({@code
 * promptlens.provider.kind}) one model-list call that says whether the key and model work. Shown on
 * {@code /admin/providers} and logged at start-up. Keys are read, never shown.
 */
@Component
class ProviderStatus {

  /** One provider's line: its default model, the state of its key, a retirement warning. */
  record Row(String provider, String defaultModel, String key, @Nullable String warning) {}

  /**
   * Every provider's row; the configured provider and its check (null when none is configured or
   * the check was not asked for); a configuration error in one line (null when there is none).
   */
  record Report(
      List<Row> rows,
      @Nullable String configured,
      ProviderCheck.@Nullable Result check,
      @Nullable String error) {}

  private final ProviderProperties properties;
  private final Function<String, @Nullable String> variables;
  private final Clock clock;

  @Autowired
  ProviderStatus(ProviderProperties properties, Environment environment, Clock clock) {
    this(properties, environment::getProperty, clock);
  }

  /** With {@code variables} in place of the environment; what the tests use. */
  ProviderStatus(
      ProviderProperties properties, Function<String, @Nullable String> variables, Clock clock) {
    this.properties = properties;
    this.variables = variables;
    this.clock = clock;
  }

  /** The rows, and with {@code check} one model-list call for the configured provider. */
  Report report(boolean check) {
    Map<String, String> env = environment();
    LocalDate today = LocalDate.now(clock);
    ProviderCatalog catalog;
    try {
      catalog = ProviderCatalog.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      return new Report(List.of(), null, null, e.getMessage());
    }
    List<Row> rows = new ArrayList<>();
    for (ProviderKind kind : ProviderKind.values()) {
      String model = catalog.defaultModel(kind);
      rows.add(
          new Row(
              kind.toString(),
              model == null ? "(model required)" : model,
              keyState(kind, env),
              model == null ? null : catalog.retirementWarning(kind, model, today).orElse(null)));
    }
    String kindName = properties.kind();
    if (kindName == null || kindName.isBlank()) {
      return new Report(rows, null, null, null);
    }
    try {
      ProviderKind kind = ProviderKind.parse(kindName);
      if (kind.keyRequired() && blank(env.get(kind.keyVariable()))) {
        return new Report(
            rows, kind.toString(), ProviderCheck.noKey(kind, properties.model()), null);
      }
      ProviderConfig config =
          ProviderConfig.fromEnvironment(kind, properties.model(), properties.baseUrl(), env);
      ProviderCheck.Result result =
          check
              ? ProviderCheck.run(config, today)
              : config
                  .retirementWarning(today)
                  .map(
                      w ->
                          new ProviderCheck.Result(
                              kind, config.model(), ProviderCheck.Outcome.RETIRED, w))
                  .orElse(null);
      return new Report(rows, kind + " · " + config.model(), result, null);
    } catch (IllegalArgumentException e) {
      return new Report(rows, kindName, null, e.getMessage());
    }
  }

  /** The report as log lines: one per provider, then the configured provider's check. */
  static List<String> lines(Report report) {
    List<String> lines = new ArrayList<>();
    if (report.error() != null) {
      lines.add("provider configuration: " + report.error());
    }
    for (Row row : report.rows()) {
      lines.add(
          "provider "
              + row.provider()
              + ": default model "
              + row.defaultModel()
              + ", "
              + row.key()
              + (row.warning() == null ? "" : "; warning: " + row.warning()));
    }
    if (report.check() != null) {
      lines.add(
          "provider check ("
              + report.configured()
              + "): "
              + report.check().outcome().toString().toLowerCase(java.util.Locale.ROOT)
              + ": "
              + report.check().message());
    } else if (report.configured() == null && report.error() == null) {
      lines.add(
          "provider check: no provider configured (promptlens.provider.kind); the local"
              + " engine runs alone");
    }
    return lines;
  }

  /** The variables the providers read, from the process environment or Spring properties. */
  private Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    List<String> names = new ArrayList<>(List.of("OLLAMA_HOST", ProviderCatalog.OVERRIDE_VARIABLE));
    for (ProviderKind kind : ProviderKind.values()) {
      names.add(kind.keyVariable());
    }
    for (String name : names) {
      String value = variables.apply(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    String catalog = properties.catalog();
    if (catalog != null && !catalog.isBlank()) {
      env.put(ProviderCatalog.OVERRIDE_VARIABLE, catalog);
    }
    return env;
  }

  private static String keyState(ProviderKind kind, Map<String, String> env) {
    if (!blank(env.get(kind.keyVariable()))) {
      return kind.keyVariable() + " set";
    }
    return kind.keyVariable() + (kind.keyRequired() ? " missing" : " not set (optional)");
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
