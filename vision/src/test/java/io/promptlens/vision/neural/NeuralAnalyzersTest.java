package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.Subject;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.intake.ImageIntake;
import io.promptlens.vision.intake.IntakeLimits;
import io.promptlens.vision.models.ModelManifest;
import io.promptlens.vision.models.ModelStore;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeuralAnalyzersTest {

  @TempDir Path empty;

  private static DecodedImage decode(String resource) throws Exception {
    try (InputStream in = NeuralAnalyzersTest.class.getResourceAsStream(resource)) {
      return new ImageIntake(IntakeLimits.defaults()).decode(in.readAllBytes());
    }
  }

  @Test
  void withoutModelsTheAnalysisRunsAndSaysWhatIsMissingAndHowToFixIt() throws Exception {
    DecodedImage image = decode("ocr/phototest.tif");
    ImageAnalysis measured = new ImageAnalyzer().analyze(image);
    try (NeuralAnalyzers neural =
        NeuralAnalyzers.load(new ModelStore(empty, ModelManifest.builtIn()))) {
      ImageAnalysis enriched = neural.enrich(measured, image);
      assertThat(neural.readsText()).isFalse();
      assertThat(neural.detectsObjects()).isFalse();
      assertThat(enriched.text()).isEqualTo(measured.text());
      assertThat(enriched.subjects()).isEmpty();
      assertThat(enriched.color()).isEqualTo(measured.color());
      assertThat(enriched.notes())
          .anySatisfy(
              n ->
                  assertThat(n)
                      .contains("ocr-det")
                      .contains("missing")
                      .contains("promptlens models fetch"))
          .anySatisfy(n -> assertThat(n).contains("centernet").contains("promptlens models fetch"));
    }
  }

  @Test
  void aPageGetsItsTextAndAPortraitAPerson() throws Exception {
    ModelStore store =
        InstalledModels.require(
            "ocr-det", "ocr-rec", "ocr-cls", "centernet", "blazeface", "gear", "emotion", "nsfw");
    try (NeuralAnalyzers neural = NeuralAnalyzers.load(store)) {
      DecodedImage page = decode("ocr/phototest.tif");
      ImageAnalysis text = neural.enrich(new ImageAnalyzer().analyze(page), page);
      assertThat(text.text().content()).contains("The quick brown dog jumped over the");
      assertThat(text.text().lines()).isNotEmpty().allSatisfy(l -> assertThat(l.box()).hasSize(4));
      assertThat(text.provenance())
          .anySatisfy(p -> assertThat(p.component()).isEqualTo("vision.neural.ocr"));

      DecodedImage portrait = decode("fidelity/karen8.png");
      ImageAnalysis person = neural.enrich(new ImageAnalyzer().analyze(portrait), portrait);
      assertThat(person.subjects()).extracting(Subject::label).contains("person");
      assertThat(person.subjects())
          .allSatisfy(s -> assertThat(s.source()).isEqualTo("vision.neural.centernet"));
      assertThat(person.people().count()).isEqualTo(1);
      assertThat(person.people().faces())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.box().get(0)).isBetween(0.05, 0.4);
                assertThat(f.ageRange()).isNotBlank();
                assertThat(f.expression()).isIn(FaceAnalyzer.EXPRESSIONS);
              });

      DecodedImage couple = decode("fidelity/juditharismax.png");
      ImageAnalysis two = neural.enrich(new ImageAnalyzer().analyze(couple), couple);
      assertThat(two.people().count()).isEqualTo(2);
      assertThat(two.people().faces()).hasSize(2);

      // A photograph of a cat that nsfwjs scores as a drawing: its "drawing" class is not a
      // photo-versus-drawing signal, so the medium stays what the measures say.
      DecodedImage cat = decode("fidelity/marge.png");
      NeuralAnalyzers.Result catResult = neural.analyze(new ImageAnalyzer().analyze(cat), cat);
      assertThat(catResult.safety().drawing()).isGreaterThan(0.7);
      assertThat(catResult.safety().verdict()).isEqualTo("safe");
      assertThat(catResult.analysis().medium().label()).isEqualTo(MediumLabel.PHOTO);
      assertThat(neural.analyze(new ImageAnalyzer().analyze(couple), couple).safety().drawing())
          .isLessThan(0.3);
    }
  }

  @Test
  void facesAreLookedForOnlyWhereTheDetectorFoundAPerson() throws Exception {
    ModelStore store = InstalledModels.require("centernet", "blazeface", "gear", "emotion");
    try (NeuralAnalyzers neural = NeuralAnalyzers.load(store)) {
      DecodedImage cat = decode("fidelity/marge.png");
      ImageAnalysis noPerson = neural.enrich(new ImageAnalyzer().analyze(cat), cat);
      DecodedImage portrait = decode("fidelity/karen8.png");
      ImageAnalysis person = neural.enrich(new ImageAnalyzer().analyze(portrait), portrait);

      assertThat(noPerson.subjects()).extracting(Subject::label).doesNotContain("person");
      assertThat(noPerson.people().faces()).isEmpty();
      assertThat(noPerson.provenance())
          .filteredOn(p -> p.component().equals("vision.neural.faces"))
          .singleElement()
          .satisfies(p -> assertThat(p.detail()).startsWith("not run: the object detector"));
      assertThat(person.provenance())
          .filteredOn(p -> p.component().equals("vision.neural.faces"))
          .singleElement()
          .satisfies(p -> assertThat(p.detail()).startsWith("BlazeFace"));
    }
  }

  @Test
  void oneInstanceServesConcurrentRequestsWithTheSameAnswers() throws Exception {
    ModelStore store = InstalledModels.require("ocr-det", "ocr-rec", "centernet");
    try (NeuralAnalyzers neural = NeuralAnalyzers.load(store)) {
      List<DecodedImage> images =
          List.of(
              decode("ocr/phototest.tif"),
              decode("fidelity/juditharismax.png"),
              decode("fidelity/wyom.png"));
      List<ImageAnalysis> sequential = new java.util.ArrayList<>();
      for (DecodedImage image : images) {
        sequential.add(neural.enrich(new ImageAnalyzer().analyze(image), image));
      }
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(6);
      try {
        List<java.util.concurrent.Future<ImageAnalysis>> futures = new java.util.ArrayList<>();
        for (int round = 0; round < 2; round++) {
          for (DecodedImage image : images) {
            futures.add(
                pool.submit(() -> neural.enrich(new ImageAnalyzer().analyze(image), image)));
          }
        }
        for (int k = 0; k < futures.size(); k++) {
          ImageAnalysis expected = sequential.get(k % images.size());
          ImageAnalysis actual = futures.get(k).get();
          assertThat(actual.text().content()).isEqualTo(expected.text().content());
          assertThat(actual.subjects())
              .extracting(Subject::label)
              .containsExactlyElementsOf(expected.subjects().stream().map(Subject::label).toList());
          assertThat(actual.people().count()).isEqualTo(expected.people().count());
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
