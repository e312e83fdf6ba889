package io.promptlens.vision.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed list of models PromptLens uses: which npm package (pinned version) each comes from,
 * its licence, and the size and sha256 of every file used. Loaded from {@code models.json} beside
 * this class; a test may build one by hand.
 */
public record ModelManifest(int manifestVersion, List<Package> packages, List<Model> models) {

  public ModelManifest {
    packages = List.copyOf(packages);
    models = List.copyOf(models);
  }

  /** An npm package pinned to one version; {@code dir} is its folder under the store. */
  public record Package(
      String name, String version, String license, String dir, List<FileEntry> files) {
    public Package {
      files = List.copyOf(files);
    }

    public String spec() {
      return name + "@" + version;
    }

    public Optional<FileEntry> file(String path) {
      return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }
  }

  /** A file inside the package (path relative to the package root) with its pinned digest. */
  public record FileEntry(String path, long size, String sha256) {}

  /**
   * A model: the files it needs from its package, and for TF.js graphs the ONNX file the converter
   * writes at install time plus the graph outputs kept.
   */
  public record Model(
      String id,
      @JsonProperty("package") String packageName,
      String task,
      String format,
      List<String> files,
      Convert convert) {
    public Model {
      files = List.copyOf(files);
    }
  }

  /** Conversion target of a TF.js graph model. */
  public record Convert(String output, List<String> outputs) {
    public Convert {
      outputs = List.copyOf(outputs);
    }
  }

  public Package packageOf(Model model) {
    return packages.stream()
        .filter(p -> p.name().equals(model.packageName()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no package " + model.packageName()));
  }

  public Optional<Model> model(String id) {
    return models.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** The manifest shipped with this build. */
  public static ModelManifest builtIn() {
    try (InputStream in = ModelManifest.class.getResourceAsStream("models.json")) {
      if (in == null) {
        throw new IllegalStateException("models.json missing from the vision jar");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ModelManifest read(InputStream in) {
    return JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build()
        .readValue(in, ModelManifest.class);
  }
}
