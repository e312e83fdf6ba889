package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.cli.CliFixtures.Run;
import io.promptlens.vision.HostileInputs;
import io.promptlens.vision.HostileInputs.Expect;
import io.promptlens.vision.HostileInputs.Input;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole hostile corpus through {@code describe} in one call, as a user pointing it at a folder
 * of junk would: one {@code PATH: reason} line per refused file and no stack trace, a prompt for
 * every real image, exit code 3, and nothing lost of the good files.
 */
class HostileFilesTest {

  @Test
  void describeAnswersEveryHostileFileCleanly(@TempDir Path dir) throws Exception {
    List<String> args = new ArrayList<>(List.of("describe", "--no-neural", "--target", "flux"));
    List<Input> corpus = HostileInputs.all();
    for (Input input : corpus) {
      Path file = dir.resolve(input.name() + ".img");
      Files.write(file, input.bytes());
      args.add(file.toString());
    }

    Run run = CliFixtures.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).doesNotContain("Exception", "\tat ", "java.");
    List<String> errLines = run.err().lines().filter(l -> !l.isBlank()).toList();
    for (Input input : corpus) {
      String path = dir.resolve(input.name() + ".img").toString();
      long refusals = errLines.stream().filter(l -> l.startsWith(path + ": ")).count();
      boolean described = run.out().contains("# " + path + "\n");
      assertThat(refusals + (described ? 1 : 0)).as(input + " answered exactly once").isEqualTo(1);
      if (input.expect() == Expect.REJECTED) {
        assertThat(refusals).as(input + " refused").isEqualTo(1);
      } else if (input.expect() == Expect.DECODES) {
        assertThat(described).as(input + " described").isTrue();
      }
    }
  }

  @Test
  void captionAnswersEveryHostileFileInAFolderCleanly(@TempDir Path dir) throws Exception {
    List<Input> corpus = HostileInputs.all();
    for (Input input : corpus) {
      Files.write(dir.resolve(input.name() + ".img"), input.bytes());
    }

    Run run = CliFixtures.run("caption", "--no-neural", "--jobs", "2", dir.toString());

    assertThat(run.exitCode()).isIn(0, 3);
    assertThat(run.err()).doesNotContain("Exception", "\tat ", "java.");
    for (Input input : corpus) {
      Path file = dir.resolve(input.name() + ".img");
      boolean captioned = Files.exists(dir.resolve(input.name() + ".txt"));
      boolean refused = run.err().lines().anyMatch(l -> l.startsWith(file + ": "));
      if (input.expect() == Expect.DECODES) {
        assertThat(captioned).as(input + " captioned").isTrue();
      }
      // Refused, skipped as not an image (counted in the summary), or captioned: never two.
      assertThat(captioned && refused).as(input + " answered once").isFalse();
    }
  }
}
