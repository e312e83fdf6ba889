package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.cli.CliFixtures.Run;
import io.promptlens.vision.ImageAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    assertThat(stages.has("inTurn")).isTrue(); // the whole analysis with every stage in turn
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
  void evalScoresStatementColumnsAndDumpsEveryCandidate() throws IOException {
    CliFixtures.inkPage(dir, "a.png");
    Path manifest = dir.resolve("statements.csv");
    Files.writeString(
        manifest,
        "file,split,indoor,outdoor,night,medium,people,objects,subject\n"
            + "a.png,tuning,false,false,false,document,0,,a page of text\n");
    Path dump = dir.resolve("dump.csv");

    Run run =
        CliFixtures.run(
            "eval",
            "--json",
            "--no-neural",
            "--dump-statements",
            dump.toString(),
            manifest.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode result = json.readTree(run.out().strip());
    assertThat(result.at("/statements/target").asString()).isEqualTo("flux");
    assertThat(result.at("/statements/splits/tuning/prompts").asInt()).isEqualTo(1);
    assertThat(result.at("/statements/splits/tuning/kinds/medium/labelledTrue").asInt())
        .isEqualTo(1);
    List<String> rows = Files.readAllLines(dump);
    assertThat(rows.get(0)).isEqualTo(StatementDump.HEADER);
    // Every scored statement is a said row of the dump with a verdict, and nothing else is.
    int scored = result.at("/statements/splits/tuning/overall/scored").asInt();
    long judgedAndSaid =
        rows.stream()
            .skip(1)
            .map(EvalCommand::csv)
            .filter(r -> r.get(6).equals("true") && !r.get(9).isEmpty())
            .count();
    assertThat(scored).isPositive();
    assertThat(judgedAndSaid).isEqualTo(scored);
    assertThat(rows.stream().skip(1).map(EvalCommand::csv)).allMatch(r -> r.size() == 10);
  }

  @Test
  void minPrecisionFailsOnlyWhenAHeldOutKindFallsShort() throws IOException {
    CliFixtures.inkPage(dir, "a.png");
    Path manifest = dir.resolve("statements.csv");
    // A page of text is no painting: whatever medium the prompt names is false here.
    Files.writeString(manifest, "file,split,medium\na.png,heldout,painting\n");

    Run strict =
        CliFixtures.run("eval", "--no-neural", "--min-precision", "0.95", manifest.toString());
    Run lenient =
        CliFixtures.run("eval", "--no-neural", "--min-precision", "0", manifest.toString());

    assertThat(strict.exitCode()).isEqualTo(PromptLensCli.BELOW_TARGET);
    assertThat(strict.err()).contains("held-out precision of medium is 0/1");
    assertThat(lenient.exitCode()).isZero();
    assertThat(CliFixtures.run("eval", "--min-precision", "2", manifest.toString()).exitCode())
        .isEqualTo(PromptLensCli.USAGE);
  }

  @Test
  void evalRefusesAnUnknownTarget() throws IOException {
    Path manifest = dir.resolve("m.csv");
    Files.writeString(manifest, "file,split,indoor\n");

    assertThat(CliFixtures.run("eval", "--target", "nope", manifest.toString()).exitCode())
        .isEqualTo(PromptLensCli.USAGE);
  }

  @Test
  void csvHonoursQuotes() {
    assertThat(EvalCommand.csv("a,\"b, c\",\"d \"\"e\"\"\","))
        .containsExactly("a", "b, c", "d \"e\"", "");
  }
}
