package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.cli.CliFixtures.Run;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AnalyzeAndTargetsCommandTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @TempDir Path dir;

  @Test
  void analyzeJsonWritesOneObjectPerImageWithTheFileFirst() throws IOException {
    Path png = CliFixtures.twoColourImage(dir, "a.png", "png");
    Path bmp = CliFixtures.twoColourImage(dir, "b.bmp", "bmp");

    Run run = CliFixtures.run("analyze", "--json", png.toString(), bmp.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(2);
    JsonNode first = json.readTree(run.out().lines().findFirst().orElseThrow());
    assertThat(first.propertyNames().iterator().next()).isEqualTo("file");
    assertThat(first.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(first.at("/image/width").asInt()).isEqualTo(600);
    assertThat(first.at("/image/format").asString()).isEqualTo("png");
    assertThat(first.at("/image/aspectRatio").asString()).isEqualTo("3:2");
    assertThat(first.at("/color/palette").size()).isGreaterThanOrEqualTo(2);
    JsonNode second = json.readTree(run.out().lines().skip(1).findFirst().orElseThrow());
    assertThat(second.at("/image/format").asString()).isEqualTo("bmp");
  }

  @Test
  void analyzeSummaryIsReadable() throws IOException {
    Path png = CliFixtures.twoColourImage(dir, "a.png", "png");

    Run run = CliFixtures.run("analyze", png.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("600 × 400 png, landscape 3:2").contains("palette:");
  }

  @Test
  void targetsJsonListsIdNameAndKind() {
    Run run = CliFixtures.run("targets", "--json");

    assertThat(run.exitCode()).isZero();
    JsonNode targets = json.readTree(run.out());
    assertThat(targets.isArray()).isTrue();
    assertThat(targets.findValuesAsString("id")).contains("midjourney", "sdxl", "flux");
    for (JsonNode target : targets) {
      assertThat(target.get("name").asString()).isNotBlank();
      assertThat(target.get("kind").asString()).isIn("image", "video");
    }
  }

  @Test
  void limitsAreConfigurable() throws IOException {
    Path png = CliFixtures.twoColourImage(dir, "a.png", "png");

    Run run = CliFixtures.run("analyze", "--max-megapixels", "0", png.toString());

    assertThat(run.exitCode()).isEqualTo(2);
  }
}
