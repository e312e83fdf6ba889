package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.cli.CliFixtures.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DescribeCommandTest {

  @TempDir Path dir;

  @Test
  void printsAMidjourneyPromptWhoseAspectRatioMatchesTheImage() throws IOException {
    Path image = CliFixtures.twoColourImage(dir, "photo.png", "png");

    Run run = CliFixtures.run("describe", image.toString(), "--target", "midjourney");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--ar 3:2");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anUnnamedSubjectGetsOneWarningNamingTheSubjectAndProviderOptions() throws IOException {
    Path image = CliFixtures.twoColourImage(dir, "shapes.png", "png");

    Run unnamed = CliFixtures.run("describe", image.toString(), "--no-neural");
    Run named =
        CliFixtures.run("describe", image.toString(), "--no-neural", "--subject", "a red kite");

    assertThat(unnamed.out().lines().filter(l -> l.contains("--subject")))
        .singleElement()
        .satisfies(l -> assertThat(l).startsWith("warning: ").contains("--provider"));
    assertThat(named.out()).doesNotContain("--subject").startsWith("A ");
    assertThat(named.out()).containsIgnoringCase("a red kite");
  }

  @Test
  void oneBrokenFileGetsOneLineOnStderrWhileTheGoodOneIsStillPrinted() throws IOException {
    Path good = CliFixtures.twoColourImage(dir, "good.png", "png");
    Path broken = CliFixtures.brokenJpeg(dir);

    Run run = CliFixtures.run("describe", broken.toString(), good.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).contains("# " + good).contains("--ar 3:2");
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith(broken + ": ").doesNotContain("Exception", "\tat ");
  }

  @Test
  void missingFilesAndNonImagesAreInputFailuresNotCrashes() throws IOException {
    Path text = dir.resolve("notes.jpg");
    Files.writeString(text, "this is not a picture");

    Run run = CliFixtures.run("describe", text.toString(), dir.resolve("nope.png").toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err().lines()).hasSize(2);
    assertThat(run.err()).contains("nope.png: no such file");
  }

  @Test
  void jsonLinesCarryTheContractFields() throws IOException {
    Path image = CliFixtures.twoColourImage(dir, "a.png", "png");

    Run run =
        CliFixtures.run(
            "describe", "--json", "--target", "sdxl", "--mode", "style", image.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(1);
    JsonNode line = JsonMapper.builder().build().readTree(run.out());
    assertThat(line.get("file").asString()).isEqualTo(image.toString());
    assertThat(line.get("target").asString()).isEqualTo("sdxl");
    assertThat(line.get("mode").asString()).isEqualTo("style");
    assertThat(line.get("prompt").asString()).startsWith("{subject}");
    assertThat(line.get("negativePrompt").isString()).isTrue();
    assertThat(line.get("parameters").isObject()).isTrue();
    assertThat(line.get("warnings").isArray()).isTrue();
    assertThat(line.get("tokens").isInt()).isTrue();
  }

  @Test
  void fluxJsonHasANullNegativePrompt() throws IOException {
    Path image = CliFixtures.twoColourImage(dir, "a.png", "png");

    Run run = CliFixtures.run("describe", "--json", "-t", "flux", image.toString());

    JsonNode line = JsonMapper.builder().build().readTree(run.out());
    assertThat(line.has("negativePrompt")).isTrue();
    assertThat(line.get("negativePrompt").isNull()).isTrue();
  }

  @Test
  void unknownTargetIsAUsageError() throws IOException {
    Path image = CliFixtures.twoColourImage(dir, "a.png", "png");

    Run run = CliFixtures.run("describe", "--target", "nonesuch", image.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown target 'nonesuch'").doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownModeAndMissingImagesAreUsageErrors() {
    assertThat(CliFixtures.run("describe", "--mode", "remix", "x.png").exitCode()).isEqualTo(2);
    assertThat(CliFixtures.run("describe").exitCode()).isEqualTo(2);
    assertThat(CliFixtures.run("frobnicate").exitCode()).isEqualTo(2);
  }

  @Test
  void variationsPrintDistinctDeterministicPrompts() throws IOException {
    Path image = CliFixtures.twoColourImage(dir, "a.png", "png");
    String[] args = {
      "describe",
      "--json",
      "--variations",
      "3",
      "--seed",
      "7",
      "--subject",
      "a lighthouse",
      image.toString()
    };

    Run first = CliFixtures.run(args);
    Run second = CliFixtures.run(args);

    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).isEqualTo(second.out());
    java.util.List<String> prompts =
        first
            .out()
            .lines()
            .map(l -> JsonMapper.builder().build().readTree(l).get("prompt").asString())
            .toList();
    assertThat(prompts).hasSizeGreaterThan(1).doesNotHaveDuplicates();
  }

  @Test
  void outOfRangeControlsAreUsageErrors() throws IOException {
    Path image = CliFixtures.twoColourImage(dir, "a.png", "png");

    assertThat(CliFixtures.run("describe", "--variations", "99", image.toString()).exitCode())
        .isEqualTo(2);
    assertThat(CliFixtures.run("describe", "--max-length", "0", image.toString()).exitCode())
        .isEqualTo(2);
  }

  @Test
  void jsonCarriesTheAnatomyOfThePrompt() throws IOException {
    Path image = CliFixtures.twoColourImage(dir, "a.png", "png");

    Run run = CliFixtures.run("describe", "--json", "--subject", "a lighthouse", image.toString());

    JsonNode line = JsonMapper.builder().build().readTree(run.out());
    String prompt = line.get("prompt").asString();
    JsonNode span = line.get("anatomy").get(0);
    assertThat(prompt.substring(span.get("start").asInt(), span.get("end").asInt()))
        .isEqualTo(span.get("text").asString());
  }
}
