package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.promptlens.cli.CliFixtures.Run;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.vision.models.ModelManifest;
import io.promptlens.vision.models.ModelStore;
import io.promptlens.vision.neural.MediumProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MediumProbeTrainingTest {

  @TempDir Path dir;

  /** Photos light up feature 0, illustrations feature 1, the rest neither; with some noise. */
  private static List<MediumProbeTraining.Row> rows(int n, long seed) {
    Random random = new Random(seed);
    List<MediumProbeTraining.Row> rows = new ArrayList<>();
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
      rows.add(new MediumProbeTraining.Row("r" + i, x, medium));
    }
    return rows;
  }

  @Test
  void outOfFoldCallsAreMadeByProbesThatDidNotSeeTheRow() {
    List<ThresholdCalibration.Candidate> candidates = MediumProbeTraining.outOfFold(rows(60, 1));

    assertThat(candidates).isNotEmpty().hasSizeLessThanOrEqualTo(60);
    assertThat(candidates)
        .extracting(ThresholdCalibration.Candidate::kind)
        .containsOnly("medium_photo", "medium_illustration");
    long right = candidates.stream().filter(ThresholdCalibration.Candidate::truth).count();
    assertThat(right).isGreaterThanOrEqualTo(candidates.size() * 9L / 10);
  }

  @Test
  void theFittedProbeKnowsPhotoAndIllustration() {
    MediumProbe probe = MediumProbeTraining.fit(rows(30, 2), "30 rows");

    assertThat(probe.probes()).containsOnlyKeys(MediumLabel.PHOTO, MediumLabel.ILLUSTRATION);
    assertThat(probe.strongest(new float[] {2, 0, 0, 0, 0, 0}).getKey())
        .isEqualTo(MediumLabel.PHOTO);
    assertThat(probe.strongest(new float[] {0, 2, 0, 0, 0, 0}).getKey())
        .isEqualTo(MediumLabel.ILLUSTRATION);
  }

  @Test
  void manifestMediaReadAsLabels() {
    assertThat(MediumProbeTraining.label("3d_render")).isEqualTo(MediumLabel.THREE_D_RENDER);
    assertThat(MediumProbeTraining.label("photo")).isEqualTo(MediumLabel.PHOTO);
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
        "file,split,medium\n"
            + images.resolve("mate-Aqua.jpg")
            + ",tuning,photo\n"
            + images.resolve("mate-Garden.jpg")
            + ",tuning,photo\n"
            + images.resolve("mate-Flow.jpg")
            + ",tuning,graphic\n"
            + images.resolve("opencv-HappyFish.jpg")
            + ",tuning,illustration\n"
            // A held-out row is never read: its missing file would be an error otherwise.
            + dir.resolve("not-there.jpg")
            + ",heldout,photo\n");
    Path out = dir.resolve("probe").resolve("medium-probe.json");

    Run run =
        CliFixtures.run(
            "eval",
            "--train-medium-probe",
            out.toString(),
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
  }
}
