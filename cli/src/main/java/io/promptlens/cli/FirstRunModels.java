package io.promptlens.cli;

import io.promptlens.models.ModelFetcher;
import io.promptlens.vision.models.ModelManifest;
import io.promptlens.vision.models.ModelStatus;
import io.promptlens.vision.models.ModelStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The first {@code serve}, {@code describe} or {@code analyze} on a fresh machine installs the
 * pinned neural models, so a newcomer's first prompts come from the whole engine rather than from
 * measured facts alone. Each package says what happens on its own line (on stderr, so JSON on
 * stdout stays clean). Skipped with {@code --no-neural}, with {@code PROMPTLENS_OFFLINE=1}, and for
 * an explicit {@code --models-dir} (a store its owner manages). A failed fetch is one line with the
 * reason; the command goes on with measured facts, as it does without models.
 */
final class FirstRunModels {

  static final String OFFLINE = "PROMPTLENS_OFFLINE";

  private FirstRunModels() {}

  /** Installs the models into the default store when any is missing. */
  static void ensure(PrintWriter err) {
    ensure(ModelStore.defaultRoot(), System.getenv(OFFLINE), err);
  }

  static void ensure(Path root, String offline, PrintWriter err) {
    ModelStore store = new ModelStore(root, ModelManifest.builtIn());
    // status(), not verify(): a start trusts the store's hash records while files are unchanged
    // (verify re-hashes every file, which would cost a one-shot command a large share of its time).
    if (store.manifest().models().stream().map(store::status).allMatch(ModelStatus::installed)) {
      return;
    }
    if (offline != null && !offline.isBlank() && !offline.equals("0")) {
      // Asked not to fetch: nothing to say beyond the analysis's own "models missing" notes.
      return;
    }
    err.println(
        "promptlens: installing the pinned neural models into "
            + root
            + " (first run; --no-neural or "
            + OFFLINE
            + "=1 skips this)");
    err.flush();
    try {
      ModelFetcher.standard(store, ModelsCommand.source.get())
          .fetch(
              line -> {
                err.println("promptlens: " + line);
                err.flush();
              });
    } catch (IOException | RuntimeException e) {
      err.println(
          "promptlens: could not install the neural models ("
              + e.getMessage()
              + "); going on with measured facts only; retry with `"
              + ModelStore.FETCH_COMMAND
              + "`");
      err.flush();
    }
  }
}
