package io.promptlens.cli;

import io.promptlens.engine.AnalysisEngine;
import io.promptlens.providers.VisionProvider;
import io.promptlens.vision.intake.IntakeLimits;
import io.promptlens.vision.models.ModelManifest;
import io.promptlens.vision.models.ModelStore;
import io.promptlens.vision.neural.NeuralAnalyzers;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Engine options shared by the commands that read images: intake limits and neural models. */
final class IntakeOptions {

  @Option(
      names = "--no-neural",
      description = "Skip the neural models (objects, faces, text, safety): measured facts only.")
  boolean noNeural;

  @Option(
      names = "--models-dir",
      paramLabel = "DIR",
      description =
          "Where the neural models live (default: PROMPTLENS_MODELS_DIR or ~/.promptlens/models).")
  @Nullable Path modelsDir;

  /**
   * The engine of a command that analyses images on the user's behalf (analyze, describe): these
   * limits, the neural models installed on first use, and the provider the options name.
   */
  AnalysisEngine engine(CommandSpec spec, ProviderOptions provider) {
    IntakeLimits limits = Options.limits(spec, this);
    VisionProvider vlm = provider.create(spec, System.getenv());
    if (noNeural) {
      return AnalysisEngine.owning(limits, null, vlm, PromptLensCli.ENGINE_NOTES);
    }
    if (modelsDir == null) {
      FirstRunModels.ensure(spec.commandLine().getErr());
    }
    // The first image is decoded and measured while the models load: in a cold `describe` of a
    // 1 MP photo loading took about 0.3 s, and the decode used to wait for it.
    return AnalysisEngine.owningWhileLoading(
        limits, NeuralAnalyzers.loadInBackground(store()), vlm, PromptLensCli.ENGINE_NOTES);
  }

  /** The neural analyzers, or null with --no-neural; missing models become notes, never errors. */
  @Nullable NeuralAnalyzers neural() {
    if (noNeural) {
      return null;
    }
    return NeuralAnalyzers.load(store());
  }

  /** The model store these options name. */
  ModelStore store() {
    return new ModelStore(
        modelsDir == null ? ModelStore.defaultRoot() : modelsDir, ModelManifest.builtIn());
  }

  @Option(
      names = "--max-mb",
      paramLabel = "MB",
      description = "Largest accepted file in megabytes (default: ${DEFAULT-VALUE}).",
      defaultValue = "30")
  long maxMegabytes;

  @Option(
      names = "--max-megapixels",
      paramLabel = "MP",
      description = "Largest accepted image size in megapixels (default: ${DEFAULT-VALUE}).",
      defaultValue = "100")
  long maxMegapixels;

  IntakeLimits limits() {
    if (maxMegabytes <= 0 || maxMegapixels <= 0) {
      throw new IllegalArgumentException("--max-mb and --max-megapixels must be positive");
    }
    return new IntakeLimits(
        maxMegabytes * 1024 * 1024,
        maxMegapixels * 1_000_000,
        IntakeLimits.DEFAULT_ANALYSIS_LONG_SIDE);
  }
}
