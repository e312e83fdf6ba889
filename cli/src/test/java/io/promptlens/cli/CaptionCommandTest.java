package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.cli.CliFixtures.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CaptionCommandTest {

  @TempDir Path dir;

  /** Real photographs from vision's test resources (a cat on a bookshelf, a portrait). */
  private Path photo(Path folder, String resource, String name) throws IOException {
    Files.createDirectories(folder);
    try (InputStream in =
        getClass().getResourceAsStream("/io/promptlens/vision/neural/fidelity/" + resource)) {
      Path file = folder.resolve(name);
      Files.copy(in, file);
      return file;
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void aRecursiveRunWritesOneOneLineSidecarPerImageWithTheTriggerFirst() throws IOException {
    photo(dir, "marge.png", "cat.png");
    photo(dir.resolve("people"), "karen8.png", "portrait.png");
    Files.createDirectories(dir.resolve("people/deeper"));
    CliFixtures.twoColourImage(dir.resolve("people/deeper"), "shapes.jpg", "jpg");

    Run run = CliFixtures.run("caption", dir.toString(), "--recursive", "--trigger", "mystyle");

    assertThat(run.exitCode()).isZero();
    for (Path sidecar :
        List.of(
            dir.resolve("cat.txt"),
            dir.resolve("people/portrait.txt"),
            dir.resolve("people/deeper/shapes.txt"))) {
      String text = read(sidecar);
      assertThat(text).startsWith("mystyle, ").endsWith("\n");
      assertThat(text.strip()).doesNotContain("\n").hasSizeGreaterThan("mystyle, ".length());
    }
    assertThat(run.err()).contains("3 captioned");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void withoutRecursiveOnlyTheFolderItselfIsCaptioned() throws IOException {
    photo(dir, "marge.png", "cat.png");
    photo(dir.resolve("sub"), "karen8.png", "portrait.png");

    Run run = CliFixtures.run("caption", "--no-neural", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(dir.resolve("cat.txt")).exists();
    assertThat(dir.resolve("sub/portrait.txt")).doesNotExist();
  }

  @Test
  void aSecondRunSkipsWhatIsCaptionedAndOverwriteCaptionsAgain() throws IOException {
    photo(dir, "marge.png", "cat.png");
    CliFixtures.run("caption", "--no-neural", dir.toString());
    Path sidecar = dir.resolve("cat.txt");
    Files.writeString(sidecar, "edited by hand\n");
    Files.setLastModifiedTime(sidecar, FileTime.fromMillis(0));

    Run again = CliFixtures.run("caption", "--no-neural", dir.toString());

    assertThat(again.exitCode()).isZero();
    assertThat(again.err()).contains("0 captioned, 1 already captioned (skipped)");
    assertThat(read(sidecar)).isEqualTo("edited by hand\n");

    Run overwrite = CliFixtures.run("caption", "--no-neural", "--overwrite", dir.toString());

    assertThat(overwrite.err()).contains("1 captioned, 0 already captioned");
    assertThat(read(sidecar)).isNotEqualTo("edited by hand\n");
  }

  @Test
  void imagesAreFoundByContentAndHiddenFilesAndNonImagesAreSkippedAndCounted() throws IOException {
    photo(dir, "marge.png", "scan001");
    Files.writeString(dir.resolve("notes.jpg"), "this is not a picture");
    photo(dir, "karen8.png", ".hidden.png");
    photo(dir.resolve(".cache"), "wyom.png", "thumb.png");

    Run run = CliFixtures.run("caption", "--no-neural", "--recursive", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(dir.resolve("scan001.txt")).exists();
    assertThat(dir.resolve("notes.txt")).doesNotExist();
    assertThat(dir.resolve(".hidden.txt")).doesNotExist();
    assertThat(dir.resolve(".cache/thumb.txt")).doesNotExist();
    assertThat(run.err())
        .contains("1 captioned")
        .contains("1 not images and 2 hidden files skipped");
  }

  @Test
  void aBrokenImageGetsOneLineAndExitThreeWhileTheOthersAreCaptioned() throws IOException {
    photo(dir, "marge.png", "cat.png");
    Path broken = CliFixtures.brokenJpeg(dir);
    Files.delete(dir.resolve("whole.jpg"));

    Run run = CliFixtures.run("caption", "--no-neural", dir.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(dir.resolve("cat.txt")).exists();
    assertThat(dir.resolve("broken.txt")).doesNotExist();
    assertThat(run.err().lines().filter(l -> l.startsWith(broken + ": "))).hasSize(1);
    assertThat(run.err()).contains("1 failed").doesNotContain("Exception", "\tat ");
  }

  @Test
  void aMissingPathIsReportedAsEveryCommandDoes() {
    Run run = CliFixtures.run("caption", "--no-neural", dir.resolve("nope").toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains(dir.resolve("nope") + ": no such file");
  }

  @Test
  void excludedTagsPrefixSuffixAndUnderscoresShapeTheSidecar() throws IOException {
    photo(dir, "marge.png", "cat.png");
    Path plain = dir.resolve("cat.txt");
    CliFixtures.run("caption", "--no-neural", dir.toString());
    List<String> phrases = List.of(read(plain).strip().split(", "));
    String dropped = phrases.get(1);

    Run run =
        CliFixtures.run(
            "caption",
            "--no-neural",
            "--overwrite",
            "--ext",
            ".caption",
            "--prefix",
            "photo of",
            "--suffix",
            "best quality",
            "--exclude",
            dropped.toUpperCase(),
            "--underscores",
            dir.toString());

    assertThat(run.exitCode()).isZero();
    String caption = read(dir.resolve("cat.caption")).strip();
    assertThat(caption).startsWith("photo_of, ").endsWith(", best_quality");
    assertThat(List.of(caption.split(", "))).doesNotContain(dropped.replace(' ', '_'));
    assertThat(caption.split(", ")).allSatisfy(phrase -> assertThat(phrase).doesNotContain(" "));
  }

  @Test
  void jsonlRowsCarryTheCaptionPromptTargetAndTokens() throws IOException {
    photo(dir, "marge.png", "cat.png");
    Path rows = dir.resolve("out/captions.jsonl");
    Files.createDirectories(rows.getParent());

    Run run =
        CliFixtures.run(
            "caption",
            "--no-neural",
            "--write",
            "jsonl",
            "--out",
            rows.toString(),
            "--target",
            "flux",
            "--mode",
            "style",
            dir.resolve("cat.png").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(dir.resolve("cat.txt")).doesNotExist();
    JsonNode row = JsonMapper.builder().build().readTree(read(rows));
    assertThat(row.get("file").asString()).isEqualTo(dir.resolve("cat.png").toString());
    assertThat(row.get("target").asString()).isEqualTo("flux");
    assertThat(row.get("mode").asString()).isEqualTo("style");
    assertThat(row.get("caption").asString()).isNotBlank();
    assertThat(row.get("prompt").asString()).isNotBlank();
    assertThat(row.get("tokens").asInt()).isPositive();
    assertThat(row.get("sha256").asString()).hasSize(64);
    assertThat(row.get("width").asInt()).isPositive();
  }

  @Test
  void anInterruptedRowsFileIsContinuedNotRepeated() throws IOException {
    Path cat = photo(dir, "marge.png", "cat.png");
    photo(dir, "karen8.png", "portrait.png");
    Path rows = dir.resolve("captions.csv");
    CliFixtures.run(
        "caption", "--no-neural", "--write", "csv", "--out", rows.toString(), cat.toString());
    // An interruption may cut the last line; its image is simply captioned again.
    Files.writeString(
        rows,
        "\"" + dir.resolve("portrait.png") + "\",\"half a capt",
        java.nio.file.StandardOpenOption.APPEND);

    Run run =
        CliFixtures.run(
            "caption", "--no-neural", "--write", "csv", "--out", rows.toString(), dir.toString());

    assertThat(run.err()).contains("1 captioned, 1 already captioned (skipped)");
    List<String> lines = Files.readAllLines(rows);
    assertThat(lines.get(0)).startsWith("file,caption,prompt,negative_prompt,target,mode,tokens");
    assertThat(lines.stream().filter(l -> l.startsWith(cat.toString()))).hasSize(1);
  }

  @Test
  void csvGoesToStdoutWithoutOut() throws IOException {
    Path cat = photo(dir, "marge.png", "cat.png");

    Run run = CliFixtures.run("caption", "--no-neural", "--write", "csv", cat.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(2);
    assertThat(run.out().lines().skip(1).findFirst().orElseThrow()).startsWith(cat + ",");
  }

  @Test
  void twoImagesWithOneSidecarNameAreReportedNotOverwritten() throws IOException {
    photo(dir, "marge.png", "cat.png");
    CliFixtures.twoColourImage(dir, "cat.jpg", "jpg");

    Run run = CliFixtures.run("caption", "--no-neural", dir.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains(dir.resolve("cat.png") + ": has the same sidecar as");
    assertThat(dir.resolve("cat.txt")).exists();
  }

  @Test
  void parallelJobsWriteTheSameCaptionsAsOneAndLeaveNoTempFiles() throws IOException {
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    for (Path folder : List.of(one, two)) {
      photo(folder, "marge.png", "a.png");
      photo(folder, "karen8.png", "b.png");
      photo(folder, "wyom.png", "c.png");
      photo(folder, "juditharismax.png", "d.png");
    }

    CliFixtures.run("caption", "--no-neural", "--jobs", "1", one.toString());
    CliFixtures.run("caption", "--no-neural", "--jobs", "3", two.toString());

    for (String name : List.of("a.txt", "b.txt", "c.txt", "d.txt")) {
      assertThat(read(two.resolve(name))).isEqualTo(read(one.resolve(name)));
    }
    try (Stream<Path> files = Files.list(two)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void optionMistakesAreUsageErrors() throws IOException {
    Path cat = photo(dir, "marge.png", "cat.png");

    assertThat(CliFixtures.run("caption", "--mode", "edit", cat.toString()).exitCode())
        .isEqualTo(2);
    assertThat(CliFixtures.run("caption", "--ext", ".png", cat.toString()).exitCode()).isEqualTo(2);
    assertThat(CliFixtures.run("caption", "--write", "jsonl,csv", cat.toString()).exitCode())
        .isEqualTo(2);
    assertThat(CliFixtures.run("caption", "--trigger", "a,b", cat.toString()).exitCode())
        .isEqualTo(2);
    assertThat(CliFixtures.run("caption", "--jobs", "0", cat.toString()).exitCode()).isEqualTo(2);
    assertThat(dir.resolve("cat.txt")).doesNotExist();
  }
}
