package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.ShotScale;
import io.promptlens.core.analysis.Subject;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.IntakeLimits;
import io.promptlens.vision.scene.SkyCall;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance cases on real pictures nobody in this project made ({@code
 * acceptance/SOURCES.md}), through the product path: bytes in, {@link ImageAnalyzer} with the
 * installed models, analysis out. Skipped, with the fix named, when the models are not installed.
 */
class RealImageAcceptanceTest {

  private static NeuralAnalyzers neural;
  private static ImageAnalyzer analyzer;

  @BeforeAll
  static void load() {
    neural =
        NeuralAnalyzers.load(
            InstalledModels.require(
                "ocr-det",
                "ocr-rec",
                "ocr-cls",
                "ocr-words",
                "centernet",
                "blazeface",
                "gear",
                "emotion",
                "nsfw"));
    analyzer = new ImageAnalyzer(IntakeLimits.defaults(), neural);
  }

  @AfterAll
  static void close() {
    if (neural != null) {
      neural.close();
    }
  }

  private static ImageAnalysis analyze(String name) throws Exception {
    try (InputStream in = RealImageAcceptanceTest.class.getResourceAsStream("acceptance/" + name)) {
      return analyzer.analyze(in.readAllBytes());
    }
  }

  private static List<Subject> labelled(ImageAnalysis analysis, String label) {
    return analysis.subjects().stream().filter(s -> s.label().equals(label)).toList();
  }

  @Test
  void theSubjectIsNamedWhenTheEvidenceIsConfidentAndDescribedOtherwise() throws Exception {
    ImageAnalysis cat = analyze("cat-chelsea.png");
    ImageAnalysis page = analyze("page.png");
    ImageAnalysis marge = analyze("cat-marge.jpg");

    assertThat(page.subject().named()).isEqualTo("a page of printed text");
    // Chelsea scores 0.52 and Marge's cat 0.42, both under the object row of StatementThresholds
    // (0.6: detections from 0.5 to 0.6 were right 2 times of 4 on the tuning rows): described,
    // never guessed.
    assertThat(cat.subject().named()).isNull();
    assertThat(cat.subject().described()).isNotBlank().doesNotContain("cat");
    assertThat(marge.subject().named()).isNull();
    assertThat(marge.subject().described()).isNotBlank().doesNotContain("cat");
  }

  @Test
  void aLandscapeUnderAGreySkyHasSkyAndOutdoorsCalledAndACatIndoorsHasNeither() throws Exception {
    ImageAnalysis fields = analyze("landscape-fields9.jpg");
    ImageAnalysis cat = analyze("cat-chelsea.png");

    assertThat(fields.scene().labels())
        .filteredOn(label -> SkyCall.SOURCE.equals(label.source()))
        .extracting(Scene.Label::label)
        .containsExactly("sky", "outdoor");
    assertThat(cat.scene().labels())
        .extracting(Scene.Label::label)
        .doesNotContain("sky", "outdoor");
  }

  @Test
  void aMountainMeadowUnderACalledSkyHasItsVegetationCalledToo() throws Exception {
    ImageAnalysis meadow = analyze("landscape-forest1.jpg");

    assertThat(meadow.scene().labels())
        .filteredOn(label -> SkyCall.SOURCE.equals(label.source()))
        .extracting(Scene.Label::label)
        .containsExactlyInAnyOrder("sky", "outdoor", "vegetation");
  }

  @Test
  void aStreetPhotoListsPeopleAndCarsWithBoxes() throws Exception {
    ImageAnalysis street = analyze("street-scenetext01.jpg");

    List<Subject> people = labelled(street, "person");
    List<Subject> cars = labelled(street, "car");
    assertThat(people).hasSizeGreaterThanOrEqualTo(2);
    assertThat(street.people().count()).isGreaterThanOrEqualTo(2);
    assertThat(cars).isNotEmpty();
    // A man at the left edge, a woman at the right edge, a silver car right of centre, low down.
    assertThat(people).anySatisfy(p -> assertThat(centreX(p)).isLessThan(0.2));
    assertThat(people).anySatisfy(p -> assertThat(centreX(p)).isGreaterThan(0.8));
    assertThat(cars)
        .anySatisfy(
            c -> {
              assertThat(centreX(c)).isBetween(0.5, 0.85);
              assertThat(c.box().get(1) + c.box().get(3) / 2).isBetween(0.55, 0.95);
            });
    for (Subject s : street.subjects()) {
      assertThat(s.source()).isEqualTo("vision.neural.centernet");
      assertThat(s.box().get(0) + s.box().get(2)).isLessThanOrEqualTo(1.0001);
      assertThat(s.box().get(1) + s.box().get(3)).isLessThanOrEqualTo(1.0001);
    }
    assertThat(street.medium().label()).isEqualTo(MediumLabel.PHOTO);
  }

  @Test
  void theStreetPhotosPersonMaskFramesTheDetectedPeople() throws Exception {
    ImageAnalysis street = analyze("street-scenetext01.jpg");

    List<Subject> people = labelled(street, "person");
    assertThat(street.provenance())
        .anySatisfy(p -> assertThat(p.component()).isEqualTo("vision.neural.selfie"));
    List<Double> box = street.composition().subjectBox();
    assertThat(box).hasSize(4);
    double x0 = box.get(0);
    double y0 = box.get(1);
    double x1 = x0 + box.get(2);
    double y1 = y0 + box.get(3);
    // Covers: every detected person's box centre lies inside the subject box, and at least
    // COVERED of its area does.
    for (Subject p : people) {
      List<Double> b = p.box();
      assertThat(centreX(p)).isBetween(x0, x1);
      assertThat(b.get(1) + b.get(3) / 2).isBetween(y0, y1);
      double ix = Math.max(0, Math.min(x1, b.get(0) + b.get(2)) - Math.max(x0, b.get(0)));
      double iy = Math.max(0, Math.min(y1, b.get(1) + b.get(3)) - Math.max(y0, b.get(1)));
      assertThat(ix * iy / (b.get(2) * b.get(3))).isGreaterThanOrEqualTo(COVERED);
    }
    // People at both edges: the mask's centroid and size describe the pair, not the car.
    assertThat(street.composition().subjectSize()).isBetween(0.0, 0.5);
    assertThat(street.composition().subjectPosition()).isNotNull();
    // Two people under half the frame's height each: together they span it, yet no close-up.
    assertThat(street.composition().shotScale()).isIn(ShotScale.MEDIUM, ShotScale.WIDE);
  }

  /** Share of each person box the subject box must cover. */
  private static final double COVERED = 0.8;

  @Test
  void aCatPhotoSaysCat() throws Exception {
    ImageAnalysis cat = analyze("cat-chelsea.png");

    assertThat(cat.subjects()).isNotEmpty();
    Subject best =
        cat.subjects().stream()
            .max(java.util.Comparator.comparingDouble(Subject::confidence))
            .orElseThrow();
    assertThat(best.label()).isEqualTo("cat");
    assertThat(best.box().get(2) * best.box().get(3)).isGreaterThan(0.3);
    assertThat(cat.medium().label()).isEqualTo(MediumLabel.PHOTO);
    // BlazeFace finds the cat's face; with no person detected it is not counted as a person.
    assertThat(cat.people().count()).isZero();
  }

  @Test
  void aPhotographedPageReturnsItsText() throws Exception {
    // A phone-camera photo of an office sheet, at an angle, in lamp light (see ocr/SOURCES.md).
    ImageAnalysis sheet;
    try (InputStream in = RealImageAcceptanceTest.class.getResourceAsStream("ocr/underline6.jpg")) {
      sheet = analyzer.analyze(in.readAllBytes());
    }

    assertThat(sheet.text().content())
        .contains("Lucent Telephones")
        .contains("extension number")
        .contains("leave a message for someone");
  }

  @Test
  void aScannedPageReturnsItsText() throws Exception {
    ImageAnalysis page = analyze("page.png");

    assertThat(page.text().content())
        .contains("Region-based segmentation")
        .contains("markers of the coins")
        .contains("two extreme parts");
    // The page prints seven lines: the heading, five of text and a line of code.
    assertThat(page.text().lines()).hasSize(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cartoon-goat.png", "cartoon-turkey.png"})
  void aCartoonIsNotCalledAPhoto(String file) throws Exception {
    ImageAnalysis cartoon = analyze(file);

    assertThat(cartoon.medium().label()).isIn(MediumLabel.GRAPHIC, MediumLabel.ILLUSTRATION);
  }

  @Test
  void aPhotographOfACatOnABookshelfIsAPhotoOfACat() throws Exception {
    // Leptonica's marge.jpg: a cat, not the cartoon character. The safety classifier calls it 0.79
    // "drawing", which is why that score never turns a photo into a drawing.
    ImageAnalysis cat = analyze("cat-marge.jpg");

    assertThat(cat.medium().label()).isEqualTo(MediumLabel.PHOTO);
    assertThat(cat.subjects()).anyMatch(s -> s.label().equals("cat"));
  }

  private static double centreX(Subject s) {
    return s.box().get(0) + s.box().get(2) / 2;
  }
}
