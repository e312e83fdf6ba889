package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.cli.CliFixtures.Run;
import io.promptlens.vision.ImageAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Smoke tests only: one timed run of a tiny image; the real benchmark runs by hand. */
class BenchAndEvalCommandTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @TempDir Path dir;

  @Test
  void benchJsonHasEveryStageInMilliseconds() throws IOException {
    Path png = CliFixtures.twoColourImage(dir, "a.png", "png");

    Run run = CliFixtures.run("bench", "--json", "--warmup", "0", "--runs", "1", png.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode line = json.readTree(run.out().strip());
    assertThat(line.get("file").asString()).isEqualTo(png.toString());
    assertThat(line.get("unit").asString()).isEqualTo("ms");
    JsonNode stages = line.get("stages");
    assertThat(stages.has("decodeFull")).isTrue();
    assertThat(stages.has("decodeAnalysis")).isTrue();
    assertThat(stages.has("compile")).isTrue();
    assertThat(stages.has("total")).isTrue();
    for (String stage : ImageAnalyzer.STAGES) {
      assertThat(stages.get(stage).asDouble()).as(stage).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void benchRefusesZeroRunsAndReportsMissingFiles() {
    assertThat(CliFixtures.run("bench", "--runs", "0", "x.png").exitCode())
        .isEqualTo(PromptLensCli.USAGE);
    assertThat(CliFixtures.run("bench", dir.resolve("none.png").toString()).exitCode())
        .isEqualTo(PromptLensCli.INPUT_FAILED);
  }

  @Test
  void evalScoresEachLabelledAttributePerSplit() throws IOException {
    CliFixtures.twoColourImage(dir, "a.png", "png");
    Path manifest = dir.resolve("manifest.csv");
    Files.writeString(
        manifest,
        "file,split,licence,medium,grayscale,sky,photo\n"
            + "a.png,tuning,\"CC0, test\",graphic,false,,false\n"
            + "a.png,heldout,CC0,photo,false,false,true\n");

    Run run = CliFixtures.run("eval", "--json", "--no-neural", manifest.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode result = json.readTree(run.out().strip());
    assertThat(result.get("tuning")).hasSize(3);
    assertThat(result.get("heldout")).hasSize(4);
    assertThat(result.at("/tuning/1/attribute").asString()).isEqualTo("medium");
    assertThat(result.at("/tuning/1/accuracy").asDouble()).isEqualTo(1.0);
    assertThat(result.at("/heldout/1/accuracy").asDouble()).isEqualTo(0.0);
    assertThat(result.at("/tuning/2/attribute").asString()).isEqualTo("photo");
    assertThat(result.at("/tuning/2/accuracy").asDouble()).isEqualTo(1.0);
    assertThat(result.at("/heldout/2/accuracy").asDouble()).isEqualTo(0.0);
  }

  @Test
  void csvHonoursQuotes() {
    assertThat(EvalCommand.csv("a,\"b, c\",\"d \"\"e\"\"\","))
        .containsExactly("a", "b, c", "d \"e\"", "");
  }
}
