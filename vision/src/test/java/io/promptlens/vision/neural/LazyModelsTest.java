package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.intake.ImageIntake;
import io.promptlens.vision.intake.IntakeLimits;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Models that run only after another found something load on first use (issue 17): a picture
 * without a face never loads the age and expression heads, a portrait does; {@link Lazy} loads once
 * and remembers a failure.
 */
class LazyModelsTest {

  /** A stand-in model that counts how often it was loaded. */
  private record Model(int id) implements AutoCloseable {
    @Override
    public void close() {}
  }

  @Test
  void aLazyModelLoadsOnceOnFirstUse() {
    AtomicInteger loads = new AtomicInteger();
    Lazy<Model> lazy = Lazy.of("m", () -> new Model(loads.incrementAndGet()));

    assertThat(lazy.isLoaded()).isFalse();
    assertThat(lazy.get()).isSameAs(lazy.get());
    assertThat(loads).hasValue(1);
    assertThat(lazy.isLoaded()).isTrue();
  }

  @Test
  void aFailedLoadIsRememberedAndReportedAsANeuralErrorEveryTime() {
    AtomicInteger loads = new AtomicInteger();
    Lazy<Model> lazy =
        Lazy.of(
            "gear",
            () -> {
              loads.incrementAndGet();
              throw new IllegalStateException("file truncated");
            });

    assertThatThrownBy(lazy::get).isInstanceOf(NeuralException.class).hasMessageContaining("gear");
    assertThatThrownBy(lazy::get).hasMessageContaining("file truncated");
    assertThat(loads).hasValue(1);
  }

  @Test
  void aClosedLazyModelRefusesToLoad() throws Exception {
    Lazy<Model> lazy = Lazy.of("m", () -> new Model(1));
    lazy.close();

    assertThatThrownBy(lazy::get).isInstanceOf(NeuralException.class);
  }

  private static DecodedImage decode(String resource) throws Exception {
    try (InputStream in = LazyModelsTest.class.getResourceAsStream(resource)) {
      return new ImageIntake(IntakeLimits.defaults()).decode(in.readAllBytes());
    }
  }

  @Test
  void theFaceHeadsLoadOnlyWhenAFaceIsFound() throws Exception {
    var store = InstalledModels.require("blazeface", "gear", "emotion", "centernet");
    try (NeuralAnalyzers neural = NeuralAnalyzers.load(store)) {
      DecodedImage house = decode("fidelity/wyom.png");
      ImageAnalysis noFace = neural.enrich(new ImageAnalyzer().analyze(house), house);
      assertThat(noFace.people().faces()).isEmpty();
      assertThat(neural.faceHeadsLoaded()).isFalse();

      DecodedImage portrait = decode("fidelity/karen8.png");
      ImageAnalysis face = neural.enrich(new ImageAnalyzer().analyze(portrait), portrait);
      assertThat(face.people().faces())
          .singleElement()
          .satisfies(f -> assertThat(f.ageRange()).isNotBlank());
      assertThat(neural.faceHeadsLoaded()).isTrue();
    }
  }
}
