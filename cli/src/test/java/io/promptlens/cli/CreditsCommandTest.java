package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code promptlens credits adjust}: a reason is mandatory, and the app runs the one command. */
class CreditsCommandTest {

  @Test
  void anAdjustmentWithoutAReasonIsAUsageError() {
    CliFixtures.Run run =
        CliFixtures.run(
            "credits", "adjust", "--workspace", UUID.randomUUID().toString(), "--amount", "5");

    assertThat(run.exitCode()).isEqualTo(PromptLensCli.USAGE);
    assertThat(run.err()).contains("--reason");
  }

  @Test
  void aBlankReasonIsAUsageErrorToo() {
    CliFixtures.Run run =
        CliFixtures.run(
            "credits",
            "adjust",
            "--workspace",
            UUID.randomUUID().toString(),
            "--amount",
            "5",
            "--reason",
            "  ");

    assertThat(run.exitCode()).isEqualTo(PromptLensCli.USAGE);
    assertThat(run.err()).contains("--reason must not be blank");
  }

  @Test
  void theAppRunsTheCommandWithoutItsWebServerAgainstTheDataDirectory() {
    CreditsAdjustCommand adjust = new CreditsAdjustCommand();
    new CommandLine(adjust)
        .parseArgs(
            "--workspace",
            "0b9e4c0e-7f55-4e59-9d5f-1f0d5c1a2b3c",
            "--amount",
            "-5",
            "--reason",
            "duplicate charge",
            "--data-dir",
            "/srv/promptlens");

    assertThat(adjust.command(Path.of("app.jar")))
        .contains(
            "--spring.main.web-application-type=none",
            "--promptlens.data-dir=/srv/promptlens",
            "--promptlens.command=credits-adjust",
            "--promptlens.command.workspace=0b9e4c0e-7f55-4e59-9d5f-1f0d5c1a2b3c",
            "--promptlens.command.amount=-5",
            "--promptlens.command.reason=duplicate charge");
  }
}
