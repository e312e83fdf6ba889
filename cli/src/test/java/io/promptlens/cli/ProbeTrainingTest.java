package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.promptlens.cli.CliFixtures.Run;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.vision.models.ModelManifest;
import io.promptlens.vision.models.ModelStore;
import io.promptlens.vision.neural.MediumProbe;
import io.promptlens.vision.neural.SceneProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProbeTrainingTest {

  @TempDir Path dir;

  /** Photos light up feature 0, illustrations feature 1, the rest neither; with some noise. */
  private static List<ProbeTraining.Row> rows(int n, long seed) {
    Random random = new Random(seed);
    List<ProbeTraining.Row> rows = new ArrayList<>();
    MediumLabel[] media = {MediumLabel.PHOTO, MediumLabel.ILLUSTRATION, MediumLabel.GRAPHIC};
    for (int i = 0; i < n; i++) {
      MediumLabel medium = media[i % 3];
      float[] x = new float[6];
      for (int j = 0; j < x.length; j++) {
        x[j] = (float) random.nextGaussian() * 0.3f;
      }
      if (medium == MediumLabel.PHOTO) {
        x[0] += 2;
      } else if (medium == MediumLabel.ILLUSTRATION) {
        x[1] += 2;
      }
      // Photos are outdoors, the rest indoors: the scene probe reads the same features.
      boolean outdoor = medium == MediumLabel.PHOTO;
      rows.add(
          new ProbeTraining.Row(
              "r" + i,
              x,
              Map.of(
                  "medium",
                  medium.name().toLowerCase(Locale.ROOT),
                  "outdoor",
                  String.valueOf(outdoor),
                  "indoor",
                  String.valueOf(!outdoor),
                  "sky",
                  i % 5 == 0 ? "" : String.valueOf(outdoor))));
    }
    return rows;
  }

  @Test
  void outOfFoldCallsAreMadeByProbesThatDidNotSeeTheRow() {
    List<ThresholdCalibration.Candidate> candidates = ProbeTraining.mediumOutOfFold(rows(60, 1));

    assertThat(candidates).isNotEmpty().hasSizeLessThanOrEqualTo(60);
    assertThat(candidates)
        .extracting(ThresholdCalibration.Candidate::kind)
        .containsOnly("medium_photo", "medium_illustration");
    long right = candidates.stream().filter(ThresholdCalibration.Candidate::truth).count();
    assertThat(right).isGreaterThanOrEqualTo(candidates.size() * 9L / 10);
  }

  @Test
  void theFittedProbeKnowsPhotoAndIllustration() {
    MediumProbe probe = ProbeTraining.fitMedium(rows(30, 2), "30 rows");

    assertThat(probe.probes()).containsOnlyKeys(MediumLabel.PHOTO, MediumLabel.ILLUSTRATION);
    assertThat(probe.strongest(new float[] {2, 0, 0, 0, 0, 0}).getKey())
        .isEqualTo(MediumLabel.PHOTO);
    assertThat(probe.strongest(new float[] {0, 2, 0, 0, 0, 0}).getKey())
        .isEqualTo(MediumLabel.ILLUSTRATION);
  }

  @Test
  void sceneOutOfFoldCallsAreListedLabelsJudgedAgainstTheirColumn() {
    List<ThresholdCalibration.Candidate> candidates = ProbeTraining.sceneOutOfFold(rows(60, 3));

    assertThat(candidates)
        .extracting(ThresholdCalibration.Candidate::kind)
        .containsOnly("scene_outdoor", "scene_indoor", "scene_sky");
    assertThat(candidates).allMatch(c -> c.confidence() > 0.5);
    long right = candidates.stream().filter(ThresholdCalibration.Candidate::truth).count();
    assertThat(right).isGreaterThanOrEqualTo(candidates.size() * 9L / 10);
    // Sky is labelled on four rows of five only: an unlabelled row is never a candidate.
    long sky = candidates.stream().filter(c -> c.kind().equals("scene_sky")).count();
    assertThat(sky).isLessThanOrEqualTo(48);
  }

  @Test
  void theFittedSceneProbeKnowsOnlyLabelsWithBothAnswers() {
    SceneProbe probe = ProbeTraining.fitScene(rows(30, 4), "30 rows");

    assertThat(probe.set().probes()).containsOnlyKeys("outdoor", "indoor", "sky");
    assertThat(probe.probabilities(new float[] {2, 0, 0, 0, 0, 0}).get("outdoor"))
        .isGreaterThan(0.5);
    assertThat(probe.probabilities(new float[] {0, 2, 0, 0, 0, 0}).get("indoor"))
        .isGreaterThan(0.5);
  }

  @Test
  void manifestMediaReadAsLabels() {
    assertThat(ProbeTraining.medium("3d_render")).isEqualTo(MediumLabel.THREE_D_RENDER);
    assertThat(ProbeTraining.medium("photo")).isEqualTo(MediumLabel.PHOTO);
  }

  @Test
  void theCommandFitsOnTuningRowsOnlyAndWritesTheProbe() throws IOException {
    Path models = Path.of(System.getProperty("user.home"), ".promptlens", "models");
    ModelStore store = new ModelStore(models, ModelManifest.builtIn());
    assumeTrue(store.status("nsfw").installed(), "the nsfw model is not installed: `models fetch`");
    Path images = Path.of("..", "eval", "images").toAbsolutePath().normalize();
    Path manifest = dir.resolve("media.csv");
    Files.writeString(
        manifest,
        "file,split,medium,outdoor\n"
            + images.resolve("mate-Aqua.jpg")
            + ",tuning,photo,\n"
            + images.resolve("mate-Garden.jpg")
            + ",tuning,photo,true\n"
            + images.resolve("mate-Flow.jpg")
            + ",tuning,graphic,false\n"
            + images.resolve("opencv-HappyFish.jpg")
            + ",tuning,illustration,false\n"
            // A held-out row is never read: its missing file would be an error otherwise.
            + dir.resolve("not-there.jpg")
            + ",heldout,photo,true\n");
    Path out = dir.resolve("probe").resolve("medium-probe.json");
    Path scene = dir.resolve("probe").resolve("scene-probe.json");

    Run run =
        CliFixtures.run(
            "eval",
            "--train-medium-probe",
            out.toString(),
            "--train-scene-probe",
            scene.toString(),
            "--min-support",
            "1",
            "--models-dir",
            models.toString(),
            manifest.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("4 tuning images", "medium_photo");
    JsonNode probe = JsonMapper.builder().build().readTree(out.toFile());
    assertThat(probe.at("/probes/PHOTO/weights")).hasSize(1792);
    assertThat(probe.at("/probes/ILLUSTRATION/weights")).hasSize(1792);
    JsonNode scenes = JsonMapper.builder().build().readTree(scene.toFile());
    assertThat(scenes.at("/probes").propertyNames()).containsExactly("outdoor");
    assertThat(scenes.at("/probes/outdoor/weights")).hasSize(1792);
  }
}
