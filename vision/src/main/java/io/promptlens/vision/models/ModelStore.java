package io.promptlens.vision.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The folder models are installed in ({@code ~/.promptlens/models} unless {@code
 * PROMPTLENS_MODELS_DIR} or an explicit path says otherwise): one sub-folder per npm package, the
 * package's files at their package paths, converted ONNX files under {@code converted/} with a
 * {@code .sha256} sidecar ("HASH converter VERSION"). Every file is checked against the manifest's
 * sha256 (converted files against their sidecar) before use; results are cached per process.
 * Thread-safe.
 */
public final class ModelStore {

  /**
   * The version of the TF.js → ONNX converter (module {@code models}) whose output this runtime
   * loads; a converted file whose sidecar names another version reads as not converted yet. Bumped
   * whenever the output changes, including a manifest entry's list of kept outputs (2: the safety
   * model also keeps its pooled features; 3: hard-swish as a gate convolution and one Mul, and
   * squeeze-and-excite means as GlobalAveragePool, which ONNX Runtime keeps in its NCHWc layout; 4:
   * zero channels appended to a tensor as a 1 × 1 identity Conv, which it keeps there too).
   */
  public static final String CONVERTER_VERSION = "4";

  /** The command that installs missing models, named in every note about them. */
  public static final String FETCH_COMMAND = "promptlens models fetch";

  private final Path root;
  private final ModelManifest manifest;
  private final Map<String, String> verified = new ConcurrentHashMap<>();
  private final HashRecords records;
  private volatile boolean rehash;

  public ModelStore(Path root, ModelManifest manifest) {
    this.root = root;
    this.manifest = manifest;
    this.records = new HashRecords(root);
  }

  /** The default store: the built-in manifest in the configured folder. */
  public static ModelStore defaultStore() {
    return new ModelStore(defaultRoot(), ModelManifest.builtIn());
  }

  /** {@code PROMPTLENS_MODELS_DIR} when set, else {@code ~/.promptlens/models}. */
  public static Path defaultRoot() {
    String configured = System.getenv("PROMPTLENS_MODELS_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".promptlens", "models");
  }

  public Path root() {
    return root;
  }

  public ModelManifest manifest() {
    return manifest;
  }

  /** Where a package file lives in this store. */
  public Path file(ModelManifest.Package pkg, String path) {
    return root.resolve(pkg.dir()).resolve(path);
  }

  /** The path of a model's file ({@code files} entry) or, for converted models, its ONNX file. */
  public Path path(String modelId, String file) {
    ModelManifest.Model model = model(modelId);
    return file(manifest.packageOf(model), file);
  }

  /** The ONNX file of a converted model. */
  public Path converted(String modelId) {
    ModelManifest.Model model = model(modelId);
    if (model.convert() == null) {
      throw new IllegalArgumentException(modelId + " is not converted");
    }
    return file(manifest.packageOf(model), model.convert().output());
  }

  public ModelManifest.Model model(String id) {
    return manifest
        .model(id)
        .orElseThrow(() -> new IllegalArgumentException("unknown model " + id));
  }

  /**
   * The state of every model, every file hashed anew (not taken from the record of earlier hashes
   * that {@link #status} trusts while a file's size and time are unchanged).
   */
  public List<ModelStatus> verify() {
    rehash = true;
    verified.clear();
    List<ModelStatus> result = new ArrayList<>();
    for (ModelManifest.Model model : manifest.models()) {
      result.add(status(model));
    }
    return result;
  }

  public ModelStatus status(String modelId) {
    return status(model(modelId));
  }

  /** The state of one model; hashes are computed once per file and process. */
  public ModelStatus status(ModelManifest.Model model) {
    ModelManifest.Package pkg = manifest.packageOf(model);
    long bytes = 0;
    for (String path : model.files()) {
      ModelManifest.FileEntry entry =
          pkg.file(path).orElseThrow(() -> new IllegalStateException("manifest lacks " + path));
      bytes += entry.size();
      String problem = check(file(pkg, path), entry.size(), entry.sha256());
      if (problem != null) {
        return new ModelStatus(model, stateOf(problem), path + ": " + problem, bytes);
      }
    }
    if (model.convert() != null) {
      Path onnx = file(pkg, model.convert().output());
      Path sidecar = sidecar(onnx);
      if (!Files.isRegularFile(onnx) || !Files.isRegularFile(sidecar)) {
        return new ModelStatus(model, ModelStatus.State.MISSING, "not converted yet", bytes);
      }
      try {
        String[] recorded = Files.readString(sidecar, StandardCharsets.UTF_8).trim().split(" ");
        String version = recorded.length == 3 ? recorded[2] : "?";
        if (!version.equals(CONVERTER_VERSION)) {
          return new ModelStatus(
              model,
              ModelStatus.State.MISSING,
              "not converted yet (made by converter " + version + ")",
              bytes);
        }
        String problem = check(onnx, Files.size(onnx), recorded[0]);
        if (problem != null) {
          return new ModelStatus(
              model, stateOf(problem), model.convert().output() + ": " + problem, bytes);
        }
        bytes += Files.size(onnx);
      } catch (IOException e) {
        return new ModelStatus(
            model,
            ModelStatus.State.CORRUPT,
            java.util.Objects.requireNonNullElse(e.getMessage(), e.toString()),
            bytes);
      }
    }
    return new ModelStatus(model, ModelStatus.State.INSTALLED, "", bytes);
  }

  /**
   * The sha256 of an installed file, for checks and provenance: computed once per process, and
   * across processes taken from {@link HashRecords} while the file's size and time are unchanged.
   */
  public String sha256(Path file) {
    return verified.computeIfAbsent(
        file.toAbsolutePath().toString(),
        k -> {
          String recorded = rehash ? null : records.recorded(file);
          if (recorded != null) {
            return recorded;
          }
          try {
            String sha256 = Sha256.of(file);
            records.record(file, sha256);
            return sha256;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** The file beside a converted model that records its sha256 and converter version. */
  public static Path sidecar(Path onnx) {
    return onnx.resolveSibling(onnx.getFileName() + ".sha256");
  }

  /** Forgets cached hashes (after a fetch rewrote files). */
  public void forgetHashes() {
    verified.clear();
  }

  private @Nullable String check(Path file, long size, String sha256) {
    try {
      if (!Files.isRegularFile(file)) {
        return "missing";
      }
      if (Files.size(file) != size) {
        return "size " + Files.size(file) + " differs from the pinned " + size;
      }
      String actual = sha256(file);
      return actual.equals(sha256) ? null : "sha256 " + actual + " differs from the pinned one";
    } catch (IOException | UncheckedIOException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  private static ModelStatus.State stateOf(String problem) {
    return "missing".equals(problem) ? ModelStatus.State.MISSING : ModelStatus.State.CORRUPT;
  }
}
