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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18's bar on the held-out split of the labelled statement set: at least 85 % of prompts say
 * nothing false and every prompt opens with what the picture is of. The third bar, every
 * said kind at least 95 % true, is not met yet (2026-12-05, 112 held-out images: medium 39 of 42,
 * objects 14 of 15, people 2 of 3, see eval/RESULTS.md); until it is, overall precision and recall
 * are held near the level reached (0.917 and 0.150: recall over the 367 facts the held-out labels
 * hold, most of them settings and framing that are not said yet), so a change that makes prompts
 * claim more false things, or say less that is true, fails here. Runs when the set's images
 * (fetched by {@code .ci/run} with {@code eval/medium/fetch.sh} and {@code
 * eval/statements/fetch.sh}) and the models are installed; skipped, naming the fix, otherwise.
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
        .isGreaterThanOrEqualTo(0.9);
    assertThat(heldout.at("/overall/recall").asDouble())
        .as("held-out statement recall, all kinds")
        .isGreaterThanOrEqualTo(0.14);
  }
}
