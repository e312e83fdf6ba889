package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.intake.ImageIntake;
import io.promptlens.vision.intake.IntakeLimits;
import io.promptlens.vision.models.ModelStore;
import java.io.InputStream;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A model's CUDA fallback note belongs to the engine that opened the model: two engines in one
 * process never see each other's notes, a model loaded on first use included. Asking this CPU-only
 * runtime for CUDA makes every session fall back, which is how the notes are produced here.
 */
class EngineNotesTest {

  private static final Predicate<String> CUDA = n -> n.contains("CUDA could not start");

  private static DecodedImage decode(String resource) throws Exception {
    try (InputStream in = EngineNotesTest.class.getResourceAsStream(resource)) {
      return new ImageIntake(IntakeLimits.defaults()).decode(in.readAllBytes());
    }
  }

  private static ImageAnalysis analyze(NeuralAnalyzers neural, DecodedImage image) {
    return neural.enrich(new ImageAnalyzer().analyze(image), image);
  }

  @Test
  void twoEnginesDoNotSeeEachOthersFallbackNotes() throws Exception {
    assumeFalse(
        OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
        "this runtime can start CUDA, so nothing falls back");
    ModelStore store = InstalledModels.require("centernet", "blazeface", "selfie");
    DecodedImage portrait = decode("fidelity/karen8.png");
    try (NeuralAnalyzers cuda = NeuralAnalyzers.load(store, new Accelerator(true, null));
        NeuralAnalyzers cpu = NeuralAnalyzers.load(store, Accelerator.CPU)) {
      assertThat(cuda.loadNotes())
          .anyMatch(n -> n.contains("CUDA could not start for model centernet"))
          .noneMatch(n -> n.contains("for model selfie"));
      assertThat(cpu.loadNotes()).noneMatch(CUDA);

      // The person mask loads on the portrait's person; its note reaches that engine's analysis.
      List<String> cudaNotes = analyze(cuda, portrait).notes();
      List<String> cpuNotes = analyze(cpu, portrait).notes();

      assertThat(cudaNotes).anyMatch(n -> n.contains("CUDA could not start for model selfie"));
      assertThat(cpuNotes).noneMatch(CUDA);
      try (NeuralAnalyzers later = NeuralAnalyzers.load(store, Accelerator.CPU)) {
        assertThat(later.loadNotes()).noneMatch(CUDA);
      }
    }
  }
}
