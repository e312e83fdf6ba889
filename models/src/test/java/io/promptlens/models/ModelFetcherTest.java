package io.promptlens.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promptlens.vision.models.ModelManifest;
import io.promptlens.vision.models.ModelStatus;
import io.promptlens.vision.models.ModelStore;
import io.promptlens.vision.models.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher filling vision's store from a local tarball fixture: no network. */
class ModelFetcherTest {

  private static final byte[] WEIGHTS = "weights of a tiny model".getBytes(StandardCharsets.UTF_8);
  private static final byte[] GRAPH = "{\"modelTopology\":{}}".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private final AtomicInteger packs = new AtomicInteger();

  private ModelManifest manifest(String weightsSha) {
    return new ModelManifest(
        1,
        List.of(
            new ModelManifest.Package(
                "@test/tiny-models",
                "1.0.0",
                "MIT",
                "tiny-1.0.0",
                List.of(
                    new ModelManifest.FileEntry("assets/tiny.onnx", WEIGHTS.length, weightsSha),
                    new ModelManifest.FileEntry(
                        "models/graph.json", GRAPH.length, Sha256.of(GRAPH))))),
        List.of(
            new ModelManifest.Model(
                "tiny",
                "@test/tiny-models",
                "a test model",
                "onnx",
                List.of("assets/tiny.onnx"),
                null),
            new ModelManifest.Model(
                "graph",
                "@test/tiny-models",
                "a converted model",
                "tfjs",
                List.of("models/graph.json"),
                new ModelManifest.Convert("converted/graph.onnx", List.of("out")))));
  }

  private PackageSource fixture() {
    return (name, version, directory) -> {
      packs.incrementAndGet();
      Map<String, byte[]> entries = new LinkedHashMap<>();
      entries.put("package/package.json", "{}".getBytes(StandardCharsets.UTF_8));
      entries.put("package/assets/tiny.onnx", WEIGHTS);
      entries.put("package/models/graph.json", GRAPH);
      return Tarballs.write(directory.resolve("test-tiny-models-1.0.0.tgz"), entries);
    };
  }

  private static final ModelConverter COPY =
      (json, outputs, onnx) ->
          Files.write(onnx, ("converted " + outputs).getBytes(StandardCharsets.UTF_8));

  @Test
  void fetchInstallsVerifiesAndConverts() throws IOException {
    ModelStore store = new ModelStore(dir, manifest(Sha256.of(WEIGHTS)));
    assertThat(store.verify())
        .extracting(ModelStatus::state)
        .containsOnly(ModelStatus.State.MISSING);
    List<String> progress = new ArrayList<>();
    List<ModelStatus> after = new ModelFetcher(store, fixture(), COPY).fetch(progress::add);
    assertThat(after).allMatch(ModelStatus::installed);
    assertThat(Files.readAllBytes(dir.resolve("tiny-1.0.0/assets/tiny.onnx"))).isEqualTo(WEIGHTS);
    assertThat(dir.resolve("tiny-1.0.0/converted/graph.onnx")).exists();
    assertThat(dir.resolve("tiny-1.0.0/package.json")).doesNotExist();
    assertThat(progress)
        .anyMatch(l -> l.contains("npm pack"))
        .anyMatch(l -> l.contains("verified"));
    assertThat(after.get(0).bytes()).isEqualTo(WEIGHTS.length);
  }

  @Test
  void aSecondFetchDownloadsNothing() throws IOException {
    ModelStore store = new ModelStore(dir, manifest(Sha256.of(WEIGHTS)));
    new ModelFetcher(store, fixture(), COPY).fetch(l -> {});
    new ModelFetcher(store, fixture(), COPY).fetch(l -> {});
    assertThat(packs).hasValue(1);
  }

  @Test
  void aCorruptFileIsReportedAndRepairedByFetch() throws IOException {
    ModelStore store = new ModelStore(dir, manifest(Sha256.of(WEIGHTS)));
    new ModelFetcher(store, fixture(), COPY).fetch(l -> {});
    byte[] tampered = WEIGHTS.clone();
    tampered[0] ^= 1;
    Files.write(dir.resolve("tiny-1.0.0/assets/tiny.onnx"), tampered);
    ModelStore fresh = new ModelStore(dir, manifest(Sha256.of(WEIGHTS)));
    ModelStatus status = fresh.status("tiny");
    assertThat(status.state()).isEqualTo(ModelStatus.State.CORRUPT);
    assertThat(status.detail()).contains("assets/tiny.onnx").contains("sha256");
    assertThat(new ModelFetcher(fresh, fixture(), COPY).fetch(l -> {}))
        .allMatch(ModelStatus::installed);
  }

  @Test
  void aTarballThatDoesNotMatchItsPinIsRefused() {
    ModelStore store = new ModelStore(dir, manifest("0".repeat(64)));
    assertThatThrownBy(() -> new ModelFetcher(store, fixture(), COPY).fetch(l -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("assets/tiny.onnx")
        .hasMessageContaining("pinned");
    assertThat(dir.resolve("tiny-1.0.0/assets/tiny.onnx")).doesNotExist();
  }

  @Test
  void aFailedConversionLeavesTheOtherModelsInstalled() throws IOException {
    ModelStore store = new ModelStore(dir, manifest(Sha256.of(WEIGHTS)));
    List<String> progress = new ArrayList<>();
    List<ModelStatus> after =
        new ModelFetcher(
                store,
                fixture(),
                (j, o, p) -> {
                  throw new IOException("op X is not supported");
                })
            .fetch(progress::add);
    assertThat(after.get(0).installed()).isTrue();
    assertThat(after.get(1).state()).isEqualTo(ModelStatus.State.MISSING);
    assertThat(progress).anyMatch(l -> l.contains("conversion failed: op X is not supported"));
  }

  @Test
  void aModelConvertedByAnotherConverterVersionIsConvertedAgain() throws IOException {
    ModelStore store = new ModelStore(dir, manifest(Sha256.of(WEIGHTS)));
    new ModelFetcher(store, fixture(), COPY).fetch(l -> {});
    Path sidecar = dir.resolve("tiny-1.0.0/converted/graph.onnx.sha256");
    Files.writeString(
        sidecar, Files.readString(sidecar).replaceAll("converter \\S+", "converter 0"));
    ModelStatus status = new ModelStore(dir, store.manifest()).status("graph");
    assertThat(status.state()).isEqualTo(ModelStatus.State.MISSING);
    assertThat(status.detail()).contains("converter 0");
  }

  @Test
  void tarEntriesWithPaxLongNamesAreFound() throws IOException {
    String longName = "package/" + "deep/".repeat(30) + "file.bin";
    Path tgz = Tarballs.write(dir.resolve("t.tgz"), Map.of(longName, WEIGHTS));
    Path target = dir.resolve("out.bin");
    assertThat(TarGz.extract(tgz, Map.of(longName, target))).containsExactly(longName);
    assertThat(Files.readAllBytes(target)).isEqualTo(WEIGHTS);
  }

  @Test
  void aTruncatedTarballIsAnErrorNotAShortFile() throws IOException {
    byte[] big = new byte[4096];
    Path whole = Tarballs.write(dir.resolve("whole.tgz"), Map.of("package/big.bin", big));
    byte[] tar;
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(whole))) {
      tar = in.readAllBytes();
    }
    Path cut = dir.resolve("cut.tgz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(cut))) {
      out.write(tar, 0, 512 + 1000); // the header and a quarter of the file
    }

    assertThatThrownBy(() -> TarGz.extract(cut, Map.of("package/big.bin", dir.resolve("big"))))
        .isInstanceOf(IOException.class);
  }

  @Test
  void onlyTheWantedRegularFilesAreWritten() throws IOException {
    Path tgz =
        Tarballs.write(
            dir.resolve("two.tgz"), Map.of("package/a.bin", WEIGHTS, "package/b.bin", GRAPH));
    Path a = dir.resolve("out/a.bin");

    assertThat(TarGz.extract(tgz, Map.of("package/a.bin", a, "package/missing", dir.resolve("m"))))
        .containsExactly("package/a.bin");
    assertThat(Files.readAllBytes(a)).isEqualTo(WEIGHTS);
    assertThat(dir.resolve("m")).doesNotExist();
    try (var files = Files.list(dir.resolve("out"))) {
      assertThat(files).containsExactly(a);
    }
  }

  @Test
  void theBuiltInManifestPinsEveryFileItUses() {
    ModelManifest manifest = ModelManifest.builtIn();
    assertThat(manifest.models())
        .extracting(ModelManifest.Model::id)
        .contains("ocr-det", "ocr-rec", "ocr-cls", "centernet");
    for (ModelManifest.Model model : manifest.models()) {
      ModelManifest.Package pkg = manifest.packageOf(model);
      assertThat(pkg.license()).isEqualTo("MIT");
      assertThat(pkg.version()).matches("\\d+\\.\\d+\\.\\d+");
      for (String file : model.files()) {
        assertThat(pkg.file(file))
            .as(file)
            .hasValueSatisfying(f -> assertThat(f.sha256()).hasSize(64));
      }
    }
  }

  @Test
  void npmPackIsCalledWithTheExactVersionAndDestination() throws IOException {
    Path log = dir.resolve("args.txt");
    Path fake = dir.resolve("fake-npm.sh");
    Files.writeString(
        fake,
        "#!/bin/sh\necho \"$@\" > '" + log + "'\n: > \"$4/test-tiny-models-1.0.0.tgz\"\n",
        StandardCharsets.UTF_8);
    assertThat(fake.toFile().setExecutable(true)).isTrue();
    Path tarball =
        new NpmPackageSource(fake.toString())
            .pack("@test/tiny-models", "1.0.0", dir.resolve("dest"));
    assertThat(Files.readString(log).trim())
        .isEqualTo("pack @test/tiny-models@1.0.0 --pack-destination " + dir.resolve("dest"));
    assertThat(tarball.getFileName().toString()).isEqualTo("test-tiny-models-1.0.0.tgz");
  }

  @Test
  void aFailingNpmIsReportedInOneLine() throws IOException {
    Path fake = dir.resolve("failing-npm.sh");
    Files.writeString(
        fake, "#!/bin/sh\necho 'npm error 404 Not Found'\nexit 1\n", StandardCharsets.UTF_8);
    assertThat(fake.toFile().setExecutable(true)).isTrue();
    assertThatThrownBy(
            () -> new NpmPackageSource(fake.toString()).pack("@test/x", "1.0.0", dir.resolve("d")))
        .isInstanceOf(IOException.class)
        .hasMessage("npm pack @test/x@1.0.0 failed: npm error 404 Not Found");
  }
}
