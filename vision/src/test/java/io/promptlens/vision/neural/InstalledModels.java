package io.promptlens.vision.neural;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.promptlens.vision.models.ModelStore;

/**
 * The default model store for tests that need real models. They are skipped, with a message naming
 * the fix, when the models are absent; CI runs {@code ./promptlens models fetch} first so they run.
 */
final class InstalledModels {

  private InstalledModels() {}

  static ModelStore require(String... ids) {
    return require(false, ids);
  }

  /** Like {@link #require(String...)} but content with the package files of converted models. */
  static ModelStore requireSources(String... ids) {
    return require(true, ids);
  }

  private static ModelStore require(boolean sourcesOnly, String... ids) {
    ModelStore store = ModelStore.defaultStore();
    for (String id : ids) {
      var status = store.status(id);
      assumeTrue(
          status.installed() || (sourcesOnly && status.detail().startsWith("not converted yet")),
          () ->
              "model "
                  + id
                  + " is "
                  + status.state()
                  + " in "
                  + store.root()
                  + " ("
                  + status.detail()
                  + "); run `./promptlens models fetch` to run this test");
    }
    return store;
  }
}
