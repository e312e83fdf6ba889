package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.promptlens.cli.CliFixtures.Run;
import io.promptlens.vision.models.ModelManifest;
import io.promptlens.vision.models.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18's bar on the held-out split of the labelled statement set: every kind the prompts say is
 * at least 95 % true, at least 85 % of prompts say nothing false, and every prompt opens with what
 * the picture is of. Recall is held near the level reached (0.168 over the 582 facts the held-out
 * labels hold, most of them framing, vegetation and media that are not said yet: 2026-12-06, after
 * the sky call, see eval/RESULTS.md), so a change that makes prompts say less that is true fails
 * here too. Runs when the set's images (fetched by {@code .ci/run} with {@code
 * eval/medium/fetch.sh} and {@code eval/statements/fetch.sh}) and the models are installed;
 * skipped, naming the fix, otherwise.
 */
class HeldOutStatementsTest {

  private static final Path EVAL = Path.of("..", "eval");

  @Test
  void heldOutPromptsMeetTheTruthfulnessBar() throws IOException {
    Path manifest = EVAL.resolve("statements.csv");
    assumeTrue(Files.exists(manifest), "no eval/statements.csv beside this module");
    List<String> missing =
        Files.readAllLines(manifest).stream()
            .skip(1)
            .filter(line -> !line.isBlank())
            .map(line -> EvalCommand.csv(line).get(0))
            .filter(file -> !Files.exists(EVAL.resolve(file)))
            .toList();
    assumeTrue(
        missing.isEmpty(),
        () ->
            missing.size()
                + " labelled images are missing (first: "
                + missing.get(0)
                + "); run eval/medium/fetch.sh and eval/statements/fetch.sh");
    // The installed models, not the empty folder the other CLI tests are pointed at.
    Path models = Path.of(System.getProperty("user.home"), ".promptlens", "models");
    ModelStore store = new ModelStore(models, ModelManifest.builtIn());
    for (ModelManifest.Model model : store.manifest().models()) {
      assumeTrue(
          store.status(model.id()).installed(),
          () -> "model " + model.id() + " is not installed; run `./promptlens models fetch`");
    }

    Run run =
        CliFixtures.run(
            "eval",
            "--json",
            "--target",
            "flux",
            "--models-dir",
            models.toString(),
            manifest.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode heldout =
        JsonMapper.builder().build().readTree(run.out()).at("/statements/splits/heldout");
    int prompts = heldout.get("prompts").asInt();
    assertThat(prompts).isPositive();
    assertThat(heldout.get("promptsWithoutFalse").asInt())
        .as("held-out prompts with no false statement")
        .isGreaterThanOrEqualTo((int) Math.ceil(0.85 * prompts));
    assertThat(heldout.get("subjectFirst").asInt())
        .as("prompts opening with the subject")
        .isEqualTo(prompts);
    assertThat(heldout.at("/overall/precision").asDouble())
        .as("held-out statement precision, all kinds")
        .isGreaterThanOrEqualTo(0.95);
    for (Map.Entry<String, JsonNode> kind : heldout.get("kinds").properties()) {
      if (kind.getValue().get("scored").asInt() > 0) {
        assertThat(kind.getValue().get("precision").asDouble())
            .as("held-out precision of " + kind.getKey())
            .isGreaterThanOrEqualTo(0.95);
      }
    }
    assertThat(heldout.at("/overall/recall").asDouble())
        .as("held-out statement recall, all kinds")
        .isGreaterThanOrEqualTo(0.18);
  }
}
