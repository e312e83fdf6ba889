package io.promptlens.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.providers.Cancellation;
import io.promptlens.providers.PreparedImage;
import io.promptlens.providers.VisionProvider;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.IntakeLimits;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AnalysisEngineTest {

  private static final AnalysisEngine.Notes NOTES =
      new AnalysisEngine.Notes("no provider here", "provider not wanted here");

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        image.setRGB(x, y, x < 32 ? 0xC0392B : 0x2E86C1);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void withoutAProviderTheLocalAnalysisSaysSo() throws Exception {
    AnalysisEngine engine =
        new AnalysisEngine(new ImageAnalyzer(IntakeLimits.defaults()), null, NOTES);

    ImageAnalysis analysis = engine.analyze(png());

    assertThat(engine.hasProvider()).isFalse();
    assertThat(analysis.image().width()).isEqualTo(64);
    assertThat(analysis.notes()).contains("no provider here");
  }

  @Test
  void aProviderTheCallerDoesNotWantIsNeverCalled() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    VisionProvider provider = counting(calls);
    AnalysisEngine engine =
        new AnalysisEngine(new ImageAnalyzer(IntakeLimits.defaults()), provider, NOTES);

    AnalysisEngine.Analysed analysed = engine.analyze(png(), false);

    assertThat(calls).hasValue(0);
    assertThat(analysed.analysis().notes()).contains("provider not wanted here");
    assertThat(analysed.image().width()).isEqualTo(64);
  }

  @Test
  void aWantedProviderIsFusedAndTheMeasuredFactsStay() throws Exception {
    VisionProvider fox = describing("a red fox sitting in fresh snow");
    AnalysisEngine engine =
        new AnalysisEngine(new ImageAnalyzer(IntakeLimits.defaults()), fox, NOTES);

    AnalysisEngine.Analysed analysed = engine.analyze(png(), true);

    assertThat(engine.hasProvider()).isTrue();
    assertThat(analysed.analysis().subject().named()).contains("fox");
    assertThat(analysed.analysis().image().width()).isEqualTo(64);
    assertThat(analysed.analysis().notes()).doesNotContain("no provider here");
  }

  @Test
  void aFileIsReadWithTheAnalyzersLimitsAndAnOwnedEngineClosesCleanly(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("two-tone.png");
    java.nio.file.Files.write(file, png());
    IntakeLimits limits = IntakeLimits.defaults();

    try (AnalysisEngine engine = AnalysisEngine.owning(limits, null, null, NOTES)) {
      assertThat(engine.limits()).isEqualTo(limits);
      assertThat(engine.analyze(file).image().height()).isEqualTo(48);
    }
  }

  @Test
  void anEngineWhoseModelsAreStillLoadingMeasuresMeanwhileAndOwnsThemOnceLoaded(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    // An empty store: every model is missing, which is a note in the analysis, never an error.
    io.promptlens.vision.models.ModelStore empty =
        new io.promptlens.vision.models.ModelStore(
            dir, io.promptlens.vision.models.ModelManifest.builtIn());
    java.util.concurrent.CompletableFuture<io.promptlens.vision.neural.NeuralAnalyzers> loading =
        io.promptlens.vision.neural.NeuralAnalyzers.loadInBackground(empty);

    try (AnalysisEngine engine =
        AnalysisEngine.owningWhileLoading(IntakeLimits.defaults(), loading, null, NOTES)) {
      ImageAnalysis analysis = engine.analyze(png());

      assertThat(analysis.image().width()).isEqualTo(64);
      assertThat(analysis.notes()).anyMatch(note -> note.contains("models fetch"));
      assertThat(loading).isDone();
    }
  }

  private static VisionProvider describing(String subject) {
    return new VisionProvider() {
      @Override
      public io.promptlens.providers.ProviderDescription describe(
          PreparedImage image, Cancellation cancellation) {
        return new io.promptlens.providers.ProviderDescription(
            subject,
            java.util.List.of(
                new io.promptlens.providers.ProviderDescription.Subject(
                    subject, java.util.List.of(), 0.9)),
            "",
            "snow",
            "",
            "",
            "",
            "",
            "",
            null);
      }

      @Override
      public String name() {
        return "stub";
      }

      @Override
      public String model() {
        return "stub-1";
      }
    };
  }

  /** A provider that only counts its calls and fails them: the engine must not reach it. */
  private static VisionProvider counting(AtomicInteger calls) {
    return new VisionProvider() {
      @Override
      public io.promptlens.providers.ProviderDescription describe(
          PreparedImage image, Cancellation cancellation) {
        calls.incrementAndGet();
        throw new IllegalStateException("not to be called");
      }

      @Override
      public String name() {
        return "counting";
      }

      @Override
      public String model() {
        return "none";
      }
    };
  }
}
