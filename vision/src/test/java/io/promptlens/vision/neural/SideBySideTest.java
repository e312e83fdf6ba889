package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.StageListener;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.intake.ImageIntake;
import io.promptlens.vision.intake.IntakeLimits;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The measured analyzers run while the models look (issue 17), and the answer is the one they gave
 * one after another: a portrait (faces, person mask), a street with signs (text, objects), a page
 * (text read at page scale), a cartoon (the medium probe) and a house (nothing found).
 */
class SideBySideTest {

  private static NeuralAnalyzers neural;
  private static ImageAnalyzer analyzer;

  @BeforeAll
  static void load() {
    neural =
        NeuralAnalyzers.load(InstalledModels.require("ocr-det", "centernet", "blazeface", "nsfw"));
    analyzer = new ImageAnalyzer(IntakeLimits.defaults(), neural);
  }

  @AfterAll
  static void close() {
    if (neural != null) {
      neural.close();
    }
  }

  private static DecodedImage decode(String resource) throws Exception {
    try (InputStream in = SideBySideTest.class.getResourceAsStream(resource)) {
      return new ImageIntake(IntakeLimits.defaults()).decode(in.readAllBytes());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fidelity/karen8.png",
        "acceptance/street-scenetext01.jpg",
        "acceptance/page.png",
        "acceptance/cartoon-goat.png",
        "fidelity/wyom.png"
      })
  void sideBySideGivesTheAnalysisOfEveryStageInTurn(String resource) throws Exception {
    DecodedImage image = decode(resource);

    ImageAnalysis inTurn = analyzer.analyzeInTurn(image, StageListener.NONE);
    ImageAnalysis sideBySide = analyzer.analyze(image);

    assertThat(sideBySide).isEqualTo(inTurn);
    // The models did answer: the comparison is not between two empty analyses.
    assertThat(sideBySide.safety()).isNotEqualTo(new ImageAnalyzer().analyze(image).safety());
  }

  @ParameterizedTest
  @ValueSource(strings = {"fidelity/karen8.png", "acceptance/street-scenetext01.jpg"})
  void theModelsMergeIntoTheMeasuredAnalysisAsBeforeTheSplit(String resource) throws Exception {
    DecodedImage image = decode(resource);
    // Before the measured stage ran beside the models, the models enriched its finished analysis
    // (which did not yet say that they had not run).
    ImageAnalysis measured = new ImageAnalyzer().analyze(image);
    measured =
        measured.toBuilder()
            .notes(
                measured.notes().stream()
                    .filter(n -> !n.equals(ImageAnalyzer.NO_NEURAL_NOTE))
                    .toList())
            .build();
    ImageAnalysis measuredFirst = ImageAnalyzer.decideSubject(neural.enrich(measured, image));

    assertThat(analyzer.analyze(image)).isEqualTo(measuredFirst);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fidelity/karen8.png", "acceptance/street-scenetext01.jpg"})
  void anImageMeasuredWhileTheModelsLoadGetsTheSameAnalysis(String resource) throws Exception {
    DecodedImage image = decode(resource);
    CompletableFuture<NeuralAnalyzers> loading = new CompletableFuture<>();
    ImageAnalyzer whileLoading = ImageAnalyzer.whileLoading(IntakeLimits.defaults(), loading);
    // The models arrive only after the measured analyzers have had time to run without them.
    Thread late =
        new Thread(
            () -> {
              try {
                Thread.sleep(300);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              loading.complete(neural);
            });
    late.start();

    ImageAnalysis analysed = whileLoading.analyze(image);
    late.join();

    assertThat(analysed).isEqualTo(analyzer.analyze(image));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void everyStageIsReportedOnTheCallingThread(boolean sideBySide) throws Exception {
    DecodedImage image = decode("fidelity/karen8.png");
    List<String> stages = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    StageListener listener =
        (stage, nanos) -> {
          stages.add(stage);
          threads.add(Thread.currentThread());
        };

    if (sideBySide) {
      analyzer.analyze(image, listener);
    } else {
      analyzer.analyzeInTurn(image, listener);
    }

    assertThat(stages)
        .containsAll(ImageAnalyzer.STAGES)
        .contains("neural.ocr", "neural.centernet", "neural.faces", "neural.nsfw", "neural");
    assertThat(threads).containsOnly(Thread.currentThread());
  }
}
