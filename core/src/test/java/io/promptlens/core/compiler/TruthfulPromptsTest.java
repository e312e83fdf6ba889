package io.promptlens.core.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.Contrast;
import io.promptlens.core.analysis.Focus;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.analysis.LightHardness;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.core.analysis.MainSubject;
import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.TextContent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A prompt says only what is in the picture, and says first what the picture is of. */
class TruthfulPromptsTest {

  private static final String DETECTOR = "vision.neural.centernet";

  private final PromptCompiler compiler = new PromptCompiler();

  /** The scene labels the colour heuristic gave a scanned page (issue 18). */
  private static final Scene PAGE_SCENE =
      new Scene(
          List.of(
              new Scene.Label("clouds", 0.85, "vision.scene"),
              new Scene.Label("outdoor", 0.85, "vision.scene"),
              new Scene.Label("sky", 0.85, "vision.scene"),
              new Scene.Label("snow", 0.7, "vision.scene")));

  @Test
  void aDocumentIsAPageOfTextWithNoSkyOrOutdoorWords() {
    ImageAnalysis page =
        Fixtures.analysis(1200, 1600, true, grey(), List.of()).toBuilder()
            .medium(Medium.of(MediumLabel.DOCUMENT, 0.82))
            .scene(PAGE_SCENE)
            .build();

    String prompt = compiler.compile(page, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).startsWith("A page of printed text");
    assertThat(prompt.toLowerCase())
        .doesNotContain("sky", "cloud", "outdoor", "indoor", "snow", "document of");
  }

  @Test
  void manyReadLinesMakeAPageEvenWhenTheMediumSaysIllustration() {
    List<TextContent.Line> lines = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      lines.add(
          new TextContent.Line(
              "line " + i + " of a paragraph set across the page",
              0.9,
              List.of(0.1, 0.05 + i * 0.07, 0.8, 0.04)));
    }
    ImageAnalysis scan =
        Fixtures.analysis(1200, 1600, true, grey(), List.of()).toBuilder()
            .medium(Medium.of(MediumLabel.ILLUSTRATION, 0.6))
            .scene(PAGE_SCENE)
            .text(new TextContent("line 0 ...", lines))
            .build();

    String prompt = compiler.compile(scan, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).startsWith("A page of printed text");
    assertThat(prompt.toLowerCase()).doesNotContain("sky", "cloud", "outdoor", "illustration");
  }

  @Test
  void theShortLabelsOfAScreenshotCoveringTheFrameDoNotMakeAPage() {
    List<TextContent.Line> lines = new ArrayList<>();
    String[] labels = {"File", "Program", "Execute", "History", "Clear", "Palette", "Help"};
    for (int i = 0; i < labels.length; i++) {
      lines.add(new TextContent.Line(labels[i], 0.9, List.of(0.05, 0.05 + i * 0.13, 0.9, 0.1)));
    }
    ImageAnalysis screenshot =
        Fixtures.analysis(1200, 900, false, grey(), List.of()).toBuilder()
            .medium(Medium.of(MediumLabel.GRAPHIC, 0.5))
            .text(new TextContent(String.join(" ", labels), lines))
            .build();

    String prompt = compiler.compile(screenshot, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt.toLowerCase()).doesNotContain("page", "printed");
  }

  @Test
  void readMenuAndButtonWordsNameAScreenshotFirstWithNoSetting() {
    ImageAnalysis dialog =
        Fixtures.analysis(640, 480, false, grey(), List.of()).toBuilder()
            .medium(Medium.of(MediumLabel.ILLUSTRATION, 0.5))
            .scene(PAGE_SCENE)
            .text(lines("Regression", "Input range:", "Labels", "Help", "Cancel", "OK"))
            .build();

    String prompt = compiler.compile(dialog, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).startsWith("A screenshot of a program window");
    assertThat(prompt.toLowerCase()).doesNotContain("sky", "cloud", "outdoor", "illustration");
  }

  @Test
  void aPictureWithNoSettingGetsNoLightingOrAtmosphereButKeepsItsContrast() {
    ImageAnalysis clipArt = highKey(800, 800, false, Medium.of(MediumLabel.GRAPHIC, 0.6));
    ImageAnalysis photo = clipArt.toBuilder().medium(Medium.of(MediumLabel.PHOTO, 0.6)).build();

    String flat = compiler.compile(clipArt, "flux", Mode.FULL, Controls.defaults()).prompt();
    String lit = compiler.compile(photo, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(flat.toLowerCase()).doesNotContain("lighting", "atmosphere").contains("contrast");
    assertThat(lit.toLowerCase()).contains("high-key lighting", "atmosphere");
  }

  @Test
  void tenReadLinesMakeAScreenWithNoLightingOrAtmosphereWhateverTheMedium() {
    String[] fields = {
      "Observation Planner",
      "Location: Bucharest",
      "Date: 04/07/2016",
      "Object list",
      "M 31 Andromeda Galaxy",
      "NGC 2025 Open cluster",
      "NGC 7662 Planetary nebula",
      "Download all images",
      "Update",
      "Delete"
    };
    ImageAnalysis dialog =
        highKey(754, 660, false, Medium.of(MediumLabel.PHOTO, 0.5)).toBuilder()
            .text(lines(fields))
            .build();
    ImageAnalysis shopFront =
        dialog.toBuilder().text(lines(java.util.Arrays.copyOf(fields, 2))).build();

    assertThat(fullPrompt(dialog)).doesNotContain("lighting", "atmosphere");
    assertThat(fullPrompt(shopFront)).contains("high-key lighting", "atmosphere");
  }

  @Test
  void aWhiteGroundIsNotHighKeyLighting() {
    String ground = fullPrompt(grounded(LightKey.HIGH, 0.6, 0.0));
    String brightRoom = fullPrompt(grounded(LightKey.HIGH, 0.02, 0.0));

    assertThat(ground).doesNotContain("lighting", "atmosphere").contains("contrast");
    assertThat(brightRoom).contains("high-key lighting", "bright, airy atmosphere");
  }

  @Test
  void aWarmMidKeyPictureHasNoAtmosphereOnWhiteOrInARoom() {
    String spriteOnWhite = fullPrompt(grounded(LightKey.MID, 0.4, 0.0));
    String warmRoom = fullPrompt(grounded(LightKey.MID, 0.02, 0.0));
    String brightRoom = fullPrompt(grounded(LightKey.HIGH, 0.02, 0.0));

    // White balance is no mood: a warm stormy beach is not "inviting".
    assertThat(spriteOnWhite).contains("warm tones").doesNotContain("atmosphere");
    assertThat(warmRoom).contains("warm tones").doesNotContain("atmosphere", "inviting");
    assertThat(brightRoom).contains("bright, airy atmosphere");
  }

  @Test
  void aBlackGroundIsNotLowKeyLightingAndItsLightDoesNotShift() {
    ImageAnalysis onBlack = grounded(LightKey.LOW, 0.0, 0.7);

    String ground = fullPrompt(onBlack);
    String nightStreet = fullPrompt(grounded(LightKey.LOW, 0.0, 0.05));
    String video = compiler.compile(onBlack, "kling", Mode.VIDEO, Controls.defaults()).prompt();

    assertThat(ground).doesNotContain("lighting", "atmosphere");
    assertThat(nightStreet).contains("low-key lighting", "moody atmosphere");
    assertThat(video.toLowerCase()).doesNotContain("lighting", "light shifts", "ambient motion");
  }

  @Test
  void leadingLinesAreNotSaidEvenWhenTheLineTestIsSure() {
    ImageAnalysis base = detected();
    ImageAnalysis tracks =
        base.toBuilder()
            .composition(
                new io.promptlens.core.analysis.Composition(
                    io.promptlens.core.analysis.SubjectPosition.CENTER,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    true,
                    null,
                    null,
                    0.9,
                    0.99,
                    List.of(0.5, 0.4)))
            .build();

    assertThat(fullPrompt(tracks)).contains("composition").doesNotContain("leading lines");
  }

  @Test
  void nothingButTheCameraMovesInAVideoOfAPage() {
    ImageAnalysis page = highKey(1200, 1600, true, Medium.of(MediumLabel.DOCUMENT, 0.82));

    String prompt = compiler.compile(page, "kling", Mode.VIDEO, Controls.defaults()).prompt();

    assertThat(prompt).startsWith("A page of printed text").contains("The camera");
    assertThat(prompt.toLowerCase())
        .doesNotContain("light shifts", "ambient motion", "lighting", "scene");
  }

  @Test
  void aPhotographedScreenIsNotCalledAScreenshot() {
    ImageAnalysis screen =
        Fixtures.analysis(640, 480, false, grey(), List.of()).toBuilder()
            .medium(Medium.of(MediumLabel.PHOTO, 0.5))
            .text(lines("File Edit View Help", "Cancel", "OK"))
            .build();

    String prompt = compiler.compile(screen, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt.toLowerCase()).doesNotContain("screenshot");
  }

  private static TextContent lines(String... texts) {
    List<TextContent.Line> lines = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      lines.add(new TextContent.Line(texts[i], 0.9, List.of(0.1, 0.05 + i * 0.13, 0.3, 0.08)));
    }
    return new TextContent(String.join(" ", texts), lines);
  }

  @Test
  void colourHeuristicSceneLabelsAreNotSaidEvenOnAPhotograph() {
    ImageAnalysis photo =
        Fixtures.warmFox().toBuilder()
            .scene(
                new Scene(
                    List.of(
                        new Scene.Label("vegetation", 0.85, "vision.scene"),
                        new Scene.Label("indoor", 0.55, "vision.scene"))))
            .build();

    String prompt = compiler.compile(photo, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).doesNotContain("vegetation", "indoor", "The scene includes");
  }

  /** A photograph whose sky vision's SkyCall made, with one more scene label. */
  private static ImageAnalysis skyCalled(Scene.Label other) {
    return Fixtures.warmFox().toBuilder()
        .scene(
            new Scene(
                List.of(
                    new Scene.Label("sky", 0.983, "vision.scene+medium-probe"),
                    new Scene.Label("outdoor", 0.983, "vision.scene+medium-probe"),
                    other)))
        .build();
  }

  @Test
  void aSkyCalledFromItsCuesAndThePhotographIsSaidWithTheOpenAirItShows() {
    // vision's SkyCall: the measured sky passes its cues and the medium probe finds a photograph.
    ImageAnalysis landscape = skyCalled(new Scene.Label("clouds", 0.85, "vision.scene"));

    String prompt = compiler.compile(landscape, "flux", Mode.FULL, Controls.defaults()).prompt();
    String video = compiler.compile(landscape, "kling", Mode.VIDEO, Controls.defaults()).prompt();

    assertThat(prompt).contains("The scene includes the sky and an outdoor setting");
    assertThat(prompt).doesNotContain("clouds", "open sky");
    // A sky is not clouds: the clouds label is colour alone, so no clouds drift in the video.
    assertThat(video).doesNotContainIgnoringCase("clouds");
  }

  @Test
  void vegetationUnderACalledSkyIsSaidAndStirsInTheVideo() {
    // vision's SkyCall lifts the measured vegetation of a picture it calls an outdoor photograph.
    ImageAnalysis meadow =
        skyCalled(new Scene.Label("vegetation", 0.978, "vision.scene+medium-probe"));

    String prompt = compiler.compile(meadow, "flux", Mode.FULL, Controls.defaults()).prompt();
    String video = compiler.compile(meadow, "kling", Mode.VIDEO, Controls.defaults()).prompt();

    assertThat(prompt).contains("The scene includes the sky, an outdoor setting and vegetation");
    assertThat(video).contains("The vegetation sways in a light breeze");
  }

  @Test
  void aProvidersSettingIsSaid() {
    ImageAnalysis photo =
        Fixtures.warmFox().toBuilder()
            .scene(new Scene(List.of(new Scene.Label("a snowy forest", 0.8, "openai"))))
            .build();

    String prompt = compiler.compile(photo, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).contains("The scene includes a snowy forest");
  }

  @Test
  void aMeasuredPhotoCallIsNotSaidInFullOrStyleMode() {
    ImageAnalysis starry =
        Fixtures.analysis(
                1000,
                800,
                false,
                Fixtures.warmFox().color().palette(),
                List.of(new Subject("cat", 0.9, List.of(0.3, 0.3, 0.4, 0.4), DETECTOR)))
            .toBuilder()
            .medium(Medium.of(MediumLabel.PHOTO, 0.8))
            .build();

    assertThat(compiler.compile(starry, "flux", Mode.FULL, Controls.defaults()).prompt())
        .startsWith("A cat, in warm tones")
        .doesNotContain("photograph");
    assertThat(compiler.compile(starry, "flux", Mode.STYLE, Controls.defaults()).prompt())
        .startsWith("{subject}, in warm tones")
        .doesNotContain("photograph");
  }

  @Test
  void aPaletteNamedForAThingIsRenderedAsAColour() {
    ImageAnalysis fruit =
        Fixtures.analysis(
            1000,
            1000,
            false,
            List.of(
                new PaletteColor("#380835", "eggplant", 0.4),
                new PaletteColor("#F2AB15", "squash", 0.3),
                new PaletteColor("#769958", "moss green", 0.2)),
            List.of());

    String prompt = compiler.compile(fruit, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).contains("deep purple", "moss green");
    assertThat(prompt).doesNotContain("eggplant", "squash");
    assertThat(ColourWords.forPrompt("coffee", "#A6814C")).isEqualTo("brown");
    assertThat(ColourWords.forPrompt("pear", "#CBF85F")).endsWith("yellow green");
    assertThat(ColourWords.forPrompt("mustard", "#CEB301")).isEqualTo("mustard yellow");
    assertThat(ColourWords.forPrompt("olive", "#6E750E")).isEqualTo("olive green");
  }

  @Test
  void aPureGreyIsNeverNamedWithAHue() {
    // The nearest xkcd names of these greys (opencv's grayscale chessboard photos).
    assertThat(ColourWords.forPrompt("very light pink", "#EAEAEA")).isEqualTo("white");
    assertThat(ColourWords.forPrompt("dark brown", "#1C1C1C")).isEqualTo("black");
    assertThat(ColourWords.forPrompt("gunmetal", "#5B5B5B")).isEqualTo("grey");
    assertThat(ColourWords.forPrompt("cool grey", "#959595")).isEqualTo("grey");
    // A name of lightness words stays; a tinted colour keeps its hue or temperature name.
    assertThat(ColourWords.forPrompt("almost black", "#070707")).isEqualTo("almost black");
    assertThat(ColourWords.forPrompt("cool grey", "#95A3A6")).isEqualTo("cool grey");
    assertThat(ColourWords.forPrompt("dark brown", "#341C02")).isEqualTo("dark brown");
    assertThat(ColourWords.forPrompt("very light pink", "#F0DCDC")).isEqualTo("very light pink");
  }

  @Test
  void oneDominantPersonBeforeSmallOnesIsAPersonInFrontOfACrowd() {
    List<Subject> boxes = new ArrayList<>();
    boxes.add(new Subject("person", 0.66, List.of(0.14, 0.19, 0.68, 0.76), DETECTOR));
    for (int i = 0; i < 8; i++) {
      boxes.add(
          new Subject("person", 0.35 + i * 0.01, List.of(i * 0.1, 0.6, 0.09, 0.16), DETECTOR));
    }
    ImageAnalysis match =
        Fixtures.analysis(1600, 1000, false, Fixtures.warmFox().color().palette(), boxes)
            .toBuilder()
            .people(new People(9, List.of()))
            .build();

    String prompt = compiler.compile(match, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).startsWith("A photograph of a person in front of a crowd");
    assertThat(prompt).doesNotContain("9 people", "nine people");
  }

  /** A confident person box (0.82) and a weaker one (0.45, under the person row). */
  private static ImageAnalysis personBoxes(List<Double> confident, List<Double> weaker) {
    return Fixtures.analysis(
        640,
        480,
        false,
        Fixtures.warmFox().color().palette(),
        List.of(
            new Subject("person", 0.82, confident, DETECTOR),
            new Subject("person", 0.45, weaker, DETECTOR)));
  }

  @Test
  void aWeakerPersonBoxApartFromTheConfidentOneLeavesTheCountUnsaid() {
    ImageAnalysis twoPlayers =
        personBoxes(List.of(0.6, 0.05, 0.35, 0.9), List.of(0.05, 0.1, 0.25, 0.85)).toBuilder()
            .people(new People(2, List.of()))
            .build();

    MainSubject subject = SubjectNaming.name(twoPlayers, StatementThresholds.DEFAULT);

    assertThat(subject.named()).isNull();
    assertThat(subject.why()).contains("how many people is unsure");
  }

  @Test
  void aWeakerPersonBoxInsideTheConfidentOneIsTheSamePerson() {
    ImageAnalysis onePlayer =
        personBoxes(List.of(0.3, 0.05, 0.35, 0.9), List.of(0.32, 0.06, 0.3, 0.5));

    assertThat(SubjectNaming.name(onePlayer, StatementThresholds.DEFAULT).named())
        .isEqualTo("a person");
  }

  @Test
  void aDetectionThatIsMostlyReadLetteringIsNotNamed() {
    Subject remote = new Subject("remote", 0.64, List.of(0.36, 0.26, 0.12, 0.47), DETECTOR);
    Subject cup = new Subject("cup", 0.9, List.of(0.6, 0.5, 0.3, 0.4), DETECTOR);
    ImageAnalysis box =
        Fixtures.analysis(480, 640, false, grey(), List.of(remote, cup)).toBuilder()
            .text(
                new TextContent(
                    "PAN DUCALE",
                    List.of(
                        new TextContent.Line(
                            "PAN DUCALE", 0.91, List.of(0.38, 0.28, 0.077, 0.44)))))
            .build();

    MainSubject subject = SubjectNaming.name(box, StatementThresholds.DEFAULT);

    assertThat(subject.named()).isEqualTo("a cup");
    assertThat(subject.why()).contains("mostly read lettering");
  }

  @Test
  void detectorClassesAreNotNamedOnAFlatGraphic() {
    ImageAnalysis notes =
        found(
            Medium.of(MediumLabel.GRAPHIC, 0.9),
            1600,
            400,
            new Subject("bird", 0.9, List.of(0.1, 0.2, 0.2, 0.3), DETECTOR),
            new Subject("car", 0.9, List.of(0.5, 0.2, 0.2, 0.3), DETECTOR));

    String prompt = compiler.compile(notes, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).doesNotContain("bird", "car");
  }

  @Test
  void detectorClassesAreNotNamedOnAScreenOfTenReadLines() {
    String[] labels = {
      "NGC 3172",
      "14.9m",
      "88 55 57",
      "07h 46m 18s",
      "+17.22",
      "08h 36m 07s",
      "89 08",
      "Tile 1",
      "Tile 2",
      "Overlap"
    };
    ImageAnalysis skyMap =
        found(
                Medium.of(MediumLabel.PHOTO, 0.5),
                1024,
                768,
                new Subject("car", 0.9, List.of(0.3, 0.3, 0.4, 0.4), DETECTOR))
            .toBuilder()
            .text(lines(labels))
            .build();
    ImageAnalysis street =
        skyMap.toBuilder().text(lines(java.util.Arrays.copyOf(labels, 2))).build();

    assertThat(fullPrompt(skyMap)).doesNotContain("car");
    assertThat(fullPrompt(street)).startsWith("a car");
  }

  @Test
  void detectorClassesAreNotNamedOnADrawing() {
    // A drawing the table lets be said: since no analyzer's illustration call reaches its row
    // (eval/RESULTS.md), that is a medium given as certain, as a style preset's is.
    ImageAnalysis clipArt =
        found(
            Medium.of(MediumLabel.ILLUSTRATION, 1.0),
            800,
            800,
            new Subject("surfboard", 0.9, List.of(0.2, 0.2, 0.5, 0.5), DETECTOR));

    String prompt = compiler.compile(clipArt, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).doesNotContain("surfboard").contains("illustration");
  }

  @Test
  void anUnsureDrawingsUprightFiguresAreNotCountedAsPeople() {
    // pingus-data's story drawing: two penguins on ice, person boxes at 0.65 and 0.59, and a
    // measured illustration no analyzer is sure of.
    ImageAnalysis penguins =
        found(
            Medium.of(MediumLabel.ILLUSTRATION, 0.5),
            1200,
            300,
            new Subject("person", 0.65, List.of(0.39, 0.49, 0.07, 0.24), DETECTOR),
            new Subject("person", 0.59, List.of(0.23, 0.47, 0.08, 0.26), DETECTOR));
    ImageAnalysis painted =
        penguins.toBuilder().medium(Medium.of(MediumLabel.PAINTING, 0.5)).build();
    ImageAnalysis photographed =
        penguins.toBuilder().medium(Medium.of(MediumLabel.PHOTO, 0.5)).build();

    assertThat(fullPrompt(penguins)).doesNotContain("people", "person");
    assertThat(fullPrompt(painted)).doesNotContain("people", "person");
    assertThat(fullPrompt(photographed)).startsWith("two people");
  }

  @Test
  void repeatedSmallBoxesOfOneClassAreAPatternNotObjects() {
    List<Subject> coins = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      coins.add(new Subject("clock", 0.9, List.of(i * 0.15, 0.4, 0.1, 0.1), DETECTOR));
    }
    ImageAnalysis texture = Fixtures.analysis(1000, 1000, false, grey(), coins);

    String prompt = compiler.compile(texture, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).doesNotContain("clock");
  }

  @Test
  void roundShapeClassesNeedNearCertainScores() {
    ImageAnalysis sweets = oneDetection("orange", 0.7);

    assertThat(compiler.compile(sweets, "flux", Mode.FULL, Controls.defaults()).prompt())
        .doesNotContain("orange");
  }

  @Test
  void animalClassesNeedAScoreThatAnAbsorbedAnimalDoesNotReach() {
    // The detector's ten animals stand for every animal: a rabbit on grass scored "dog" 0.63.
    ImageAnalysis rabbit = oneDetection("dog", 0.63);
    ImageAnalysis dog = oneDetection("dog", 0.75);

    assertThat(compiler.compile(rabbit, "flux", Mode.FULL, Controls.defaults()).prompt())
        .doesNotContain("dog");
    assertThat(compiler.compile(dog, "flux", Mode.FULL, Controls.defaults()).prompt())
        .startsWith("A photograph of a dog");
  }

  private static ImageAnalysis oneDetection(String label, double score) {
    return Fixtures.analysis(
        1000,
        1000,
        false,
        grey(),
        List.of(new Subject(label, score, List.of(0.3, 0.3, 0.3, 0.3), DETECTOR)));
  }

  @Test
  void withoutTheObjectDetectorConfidentFacesAreCountedPeople() {
    ImageAnalysis portrait =
        Fixtures.analysis(1000, 1000, false, grey(), List.of()).toBuilder()
            .people(
                new People(
                    3,
                    List.of(
                        new People.Face(List.of(0.2, 0.2, 0.1, 0.1), 0.9, null, null),
                        new People.Face(List.of(0.5, 0.2, 0.1, 0.1), 0.8, null, null),
                        new People.Face(List.of(0.8, 0.2, 0.1, 0.1), 0.3, null, null))))
            .build();

    assertThat(compiler.compile(portrait, "flux", Mode.FULL, Controls.defaults()).prompt())
        .startsWith("A photograph of two people");
  }

  @Test
  void aPersonBoxInsideAStrongerDogBoxIsTheDog() {
    ImageAnalysis dog =
        Fixtures.analysis(
                1000,
                1000,
                false,
                grey(),
                List.of(
                    new Subject("dog", 0.9, List.of(0.2, 0.2, 0.6, 0.6), DETECTOR),
                    new Subject("person", 0.6, List.of(0.3, 0.25, 0.3, 0.3), DETECTOR)))
            .toBuilder()
            .people(new People(1, List.of()))
            .build();

    String prompt = compiler.compile(dog, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).startsWith("A photograph of a dog").doesNotContain("person");
  }

  @Test
  void aMeasuredDescriptionLeadsWhenNothingIsNamedAndTheWarningSaysSo() {
    MainSubject described =
        new MainSubject(
            null,
            "a large vivid orange rounded form in the center against a dark green background",
            io.promptlens.core.analysis.SubjectCategory.FORM,
            0,
            "vision.composition",
            0.7,
            "test");
    ImageAnalysis form =
        Fixtures.analysis(1000, 1000, false, Fixtures.warmFox().color().palette(), List.of())
            .withSubject(described);

    PromptResult result = compiler.compile(form, "flux", Mode.FULL, Controls.defaults());

    assertThat(result.prompt())
        .startsWith("A photograph of a large vivid orange rounded form in the center");
    assertThat(result.warnings()).contains(PromptCompiler.UNNAMED_SUBJECT);
    assertThat(compiler.compile(form, "flux", Mode.STYLE, Controls.defaults()).prompt())
        .startsWith("{subject}")
        .doesNotContain("rounded form");
  }

  @Test
  void aDescribedFormsPlaceIsSaidOnceByItsDescription() {
    MainSubject described =
        new MainSubject(
            null,
            "a large grey form in the center against a white background",
            io.promptlens.core.analysis.SubjectCategory.FORM,
            0,
            "vision.composition",
            0.7,
            "test");
    // The composition's own position comes from the saliency peak, another region.
    io.promptlens.core.analysis.Composition elsewhere =
        io.promptlens.core.analysis.Composition.of(
            io.promptlens.core.analysis.SubjectPosition.RIGHT_EDGE, null);
    ImageAnalysis form =
        Fixtures.analysis(1000, 1000, false, grey(), List.of()).toBuilder()
            .composition(elsewhere)
            .build()
            .withSubject(described);
    ImageAnalysis cat =
        detected(new Subject("cat", 0.9, List.of(0.7, 0.3, 0.25, 0.4), DETECTOR)).toBuilder()
            .composition(elsewhere)
            .build();

    assertThat(fullPrompt(form)).contains("in the center").doesNotContain("composition");
    assertThat(fullPrompt(cat)).contains("a cat").contains("off-center composition");
  }

  @Test
  void aSurfaceWithNoSingleSubjectHasNoSubjectPosition() {
    MainSubject surface = surface("dark green and olive green tones across the frame");
    ImageAnalysis grass =
        Fixtures.analysis(1000, 1000, false, grey(), List.of()).toBuilder()
            .composition(
                io.promptlens.core.analysis.Composition.of(
                    io.promptlens.core.analysis.SubjectPosition.LEFT_THIRD, null))
            .build()
            .withSubject(surface);

    String prompt = compiler.compile(grass, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).startsWith("A photograph of dark green and olive green tones");
    assertThat(prompt).doesNotContain("composition");
  }

  @Test
  void aVideoOfASurfaceMovesTheCameraTowardNoSubject() {
    ImageAnalysis sky =
        Fixtures.analysis(1000, 1000, false, grey(), List.of()).toBuilder()
            .composition(io.promptlens.core.analysis.Composition.of(null, null))
            .build()
            .withSubject(surface("light grey blue and cool grey tones across the frame"));

    String prompt = compiler.compile(sky, "flux", Mode.VIDEO, Controls.defaults()).prompt();

    assertThat(prompt).contains("camera slowly pushes in").doesNotContain("subject");
  }

  @Test
  void aDetectionTooWeakToNameGivesASurfaceNoComposition() {
    MainSubject surface = surface("greyish brown tones across the frame");
    // A cat's face filling the frame, scored under the animal row: not named, so not placed.
    ImageAnalysis cat =
        Fixtures.analysis(1000, 1000, false, grey(), List.of()).toBuilder()
            .composition(io.promptlens.core.analysis.Composition.of(null, null))
            .subjects(List.of(new Subject("cat", 0.52, List.of(0.1, 0.1, 0.8, 0.8), DETECTOR)))
            .build()
            .withSubject(surface);

    String prompt = compiler.compile(cat, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).doesNotContain("composition", "cat");
  }

  @Test
  void videoVerbsAgreeWithOneOrManySubjectsAndStillThingsStayStill() {
    ImageAnalysis cat = detected(new Subject("cat", 0.9, List.of(0.3, 0.3, 0.4, 0.4), DETECTOR));
    ImageAnalysis twoPeople = detected(LEFT_PERSON, RIGHT_PERSON);
    ImageAnalysis cup = detected(new Subject("cup", 0.9, List.of(0.3, 0.3, 0.4, 0.4), DETECTOR));

    String oneCat = compiler.compile(cat, "kling", Mode.VIDEO, Controls.defaults()).prompt();
    String two = compiler.compile(twoPeople, "kling", Mode.VIDEO, Controls.defaults()).prompt();
    String still = compiler.compile(cup, "kling", Mode.VIDEO, Controls.defaults()).prompt();

    assertThat(oneCat).contains("The cat breathes").doesNotContain("breathe ");
    assertThat(two).contains("The two people breathe and blink");
    assertThat(still).doesNotContain("breathe", "Lively", "moves subtly").contains("calm pacing");
    assertThat(List.of(oneCat, two, still)).noneMatch(p -> p.contains("Lively"));
  }

  @Test
  void aSurePhotographIsSaidInAStillButAVideoOfItIsNotAPhotograph() {
    ImageAnalysis cat =
        detected(new Subject("cat", 0.9, List.of(0.3, 0.3, 0.4, 0.4), DETECTOR)).toBuilder()
            .medium(Medium.of(MediumLabel.PHOTO, 0.973))
            .build();
    ImageAnalysis drawnCat =
        cat.toBuilder().medium(Medium.of(MediumLabel.ILLUSTRATION, 1.0)).build();

    String still = compiler.compile(cat, "flux", Mode.FULL, Controls.defaults()).prompt();
    String video = compiler.compile(cat, "kling", Mode.VIDEO, Controls.defaults()).prompt();
    String drawnVideo =
        compiler.compile(drawnCat, "kling", Mode.VIDEO, Controls.defaults()).prompt();

    assertThat(still).startsWith("A photograph of a cat");
    assertThat(video).startsWith("A cat").doesNotContain("photograph", "photorealistic");
    assertThat(drawnVideo).startsWith("A digital illustration");
  }

  @Test
  void lightHardnessFromAnEvenlyLitRegionIsNotSaid() {
    ImageAnalysis plain = Fixtures.analysis(1000, 1000, false, grey(), List.of());
    ImageAnalysis even =
        Fixtures.withCues(plain, null, null, LightHardness.SOFT, null, null, null, null);

    for (Mode mode : List.of(Mode.FULL, Mode.STYLE, Mode.VIDEO)) {
      assertThat(compiler.compile(even, "flux", mode, Controls.defaults()).prompt())
          .doesNotContainIgnoringCase("soft light");
    }
    assertThat(
            StatementThresholds.DEFAULT.says(Statement.LIGHT_HARDNESS, MeasuredTerms.HARDNESS_CALL))
        .isFalse();
  }

  @Test
  void onlyTheLivingThingsOfAListBreathe() {
    ImageAnalysis street =
        detected(
            LEFT_PERSON,
            RIGHT_PERSON,
            new Subject("car", 0.9, List.of(0.2, 0.6, 0.5, 0.3), DETECTOR));

    String prompt = compiler.compile(street, "kling", Mode.VIDEO, Controls.defaults()).prompt();

    assertThat(prompt).containsIgnoringCase("two people and a car");
    assertThat(prompt).contains("The two people breathe and blink").doesNotContain("car breathe");
  }

  @Test
  void measuredMotionBlurIsNeitherSaidNorMadeLively() {
    ImageAnalysis blurred =
        Fixtures.analysis(1000, 1000, false, grey(), List.of()).toBuilder()
            .focus(
                new Focus(
                    0.3,
                    null,
                    null,
                    null,
                    true,
                    io.promptlens.core.analysis.MotionDirection.HORIZONTAL,
                    null,
                    null,
                    null,
                    null,
                    0.5,
                    0.0,
                    0.85,
                    null,
                    null))
            .build();

    // Long horizontal structure (dunes, fog, cloud banks, scan lines) reads as horizontal blur:
    // the measure's calls were right 2 times in 8 (StatementThresholds' MOTION_BLUR row).
    assertThat(compiler.compile(blurred, "kling", Mode.VIDEO, Controls.defaults()).prompt())
        .doesNotContain("Lively", "motion blur")
        .contains("calm pacing");
    assertThat(compiler.compile(blurred, "flux", Mode.FULL, Controls.defaults()).prompt())
        .doesNotContain("motion blur");
  }

  @Test
  void aMeasuredSepiaIsSaidAsTheMonochromeItIsNotAsAToning() {
    ImageAnalysis brown =
        Fixtures.analysis(1000, 800, false, grey(), List.of()).toBuilder()
            .color(monochrome(List.of(new PaletteColor("#704214", "brown", 0.8)), true))
            .build();

    String prompt = compiler.compile(brown, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).doesNotContain("sepia").contains("monochromatic");
  }

  @Test
  void aMonochromeWhosePaletteNamesABrownAndABlueIsNotCalledMonochromatic() {
    // A desert under a pale sky: the measured monochrome weighs hues by chroma, the palette does
    // not.
    List<PaletteColor> desertAndSky =
        List.of(
            new PaletteColor("#A0704A", "brown", 0.6),
            new PaletteColor("#8FA3BF", "grey blue", 0.3));
    ImageAnalysis desert =
        Fixtures.analysis(1000, 800, false, grey(), List.of()).toBuilder()
            .color(monochrome(desertAndSky, false))
            .build();
    ImageAnalysis dunes =
        desert.toBuilder()
            .color(
                monochrome(
                    List.of(
                        new PaletteColor("#A0704A", "brown", 0.6),
                        new PaletteColor("#D8B890", "tan", 0.3)),
                    false))
            .build();

    assertThat(compiler.compile(desert, "flux", Mode.FULL, Controls.defaults()).prompt())
        .doesNotContain("monochromatic")
        .contains("grey blue");
    assertThat(compiler.compile(dunes, "flux", Mode.FULL, Controls.defaults()).prompt())
        .contains("monochromatic");
  }

  @Test
  void aMulticolouredFormIsNotInAMonochromaticPicture() {
    // A ladybug on white: red and black cells, one chromatic hue for the harmony measure.
    List<PaletteColor> ladybug =
        List.of(
            new PaletteColor("#FFFFFF", "white", 0.5),
            new PaletteColor("#101010", "black", 0.25),
            new PaletteColor("#A0402A", "rust brown", 0.25));
    ImageAnalysis base =
        Fixtures.analysis(1000, 800, false, grey(), List.of()).toBuilder()
            .color(monochrome(ladybug, false))
            .build();
    ImageAnalysis multicoloured =
        base.withSubject(
            new MainSubject(
                null,
                "a large multicoloured form in the center against a white background",
                io.promptlens.core.analysis.SubjectCategory.FORM,
                0,
                "vision.composition",
                0.7,
                "test"));
    ImageAnalysis brown =
        base.withSubject(
            new MainSubject(
                null,
                "a large brown form in the center against a white background",
                io.promptlens.core.analysis.SubjectCategory.FORM,
                0,
                "vision.composition",
                0.7,
                "test"));

    assertThat(fullPrompt(multicoloured)).contains("multicoloured").doesNotContain("monochromatic");
    assertThat(fullPrompt(brown)).contains("monochromatic");
  }

  /** A warm, muted monochrome of this palette, measured sepia or not. */
  private static io.promptlens.core.analysis.ColorAnalysis monochrome(
      List<PaletteColor> palette, boolean sepia) {
    return new io.promptlens.core.analysis.ColorAnalysis(
        false,
        palette,
        io.promptlens.core.analysis.Temperature.WARM,
        io.promptlens.core.analysis.Saturation.MUTED,
        0.05,
        1.0,
        List.of("brown"),
        true,
        false,
        sepia,
        10.0,
        "monochromatic");
  }

  @Test
  void anEditKeepsManySubjectsAsTheyAre() {
    ImageAnalysis twoPeople =
        Fixtures.analysis(
            1000,
            1000,
            false,
            grey(),
            List.of(
                new Subject("person", 0.9, List.of(0.1, 0.1, 0.3, 0.8), DETECTOR),
                new Subject("person", 0.9, List.of(0.5, 0.1, 0.3, 0.8), DETECTOR)));

    String prompt =
        compiler.compile(twoPeople, "flux-kontext", Mode.EDIT, Controls.defaults()).prompt();

    assertThat(prompt).contains("keep the two people as they are").doesNotContain("as it is");
  }

  @Test
  void anEditKeepsOneFormOfTwoColoursAsItIsAndTonesAsTheyAre() {
    ImageAnalysis wagon =
        detected()
            .withSubject(
                new MainSubject(
                    null,
                    "a large red and black irregular form in the lower third against a white"
                        + " background",
                    io.promptlens.core.analysis.SubjectCategory.FORM,
                    0,
                    "vision.composition",
                    0.6,
                    "test"));
    ImageAnalysis sky = detected().withSubject(surface("white tones across the frame"));

    String form = compiler.compile(wagon, "flux-kontext", Mode.EDIT, Controls.defaults()).prompt();
    String tones = compiler.compile(sky, "flux-kontext", Mode.EDIT, Controls.defaults()).prompt();

    assertThat(form).contains("red and black irregular form").contains("as it is");
    assertThat(tones).contains("keep the white tones across the frame as they are");
  }

  @Test
  void lightCuesBelowTheirRowAreNotSaid() {
    ImageAnalysis fox = Fixtures.warmFox();
    ImageAnalysis cup =
        Fixtures.withCues(
            fox,
            true,
            true,
            null,
            io.promptlens.core.analysis.TimeOfDay.GOLDEN_HOUR,
            0.7,
            0.85,
            0.85);

    String prompt = compiler.compile(cup, "flux", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).doesNotContain("silhouette", "backlit", "golden hour");
  }

  @Test
  void everyStatementKindHasAThresholdAndAReason() {
    StatementThresholds table = StatementThresholds.DEFAULT;
    for (Statement kind : Statement.values()) {
      assertThat(table.kinds()).containsKey(kind);
      assertThat(table.basis().get(kind)).as(kind.name()).isNotBlank();
    }
    // The scene analyzer caps its colour-based confidence at 0.85: none of its labels is said.
    for (String label : List.of("sky", "clouds", "water", "vegetation", "outdoor", "indoor")) {
      assertThat(table.says(StatementThresholds.scene(label), 0.85)).as(label).isFalse();
    }
    // A measured photo call (capped at 0.8) is not said; a preset's certain medium is.
    assertThat(table.says(Statement.MEDIUM_PHOTO, 0.8)).isFalse();
    assertThat(table.says(Statement.MEDIUM_PAINTING, 1.0)).isTrue();
    assertThat(table.saysObject("person", 0.5)).isTrue();
    assertThat(table.saysObject("clock", 0.7)).isFalse();
  }

  private static final Subject LEFT_PERSON =
      new Subject("person", 0.9, List.of(0.1, 0.1, 0.3, 0.8), DETECTOR);
  private static final Subject RIGHT_PERSON =
      new Subject("person", 0.9, List.of(0.5, 0.1, 0.3, 0.8), DETECTOR);

  /** A bright, high-contrast picture of this medium: white paper or a white backdrop. */
  private static ImageAnalysis highKey(int width, int height, boolean grayscale, Medium medium) {
    return Fixtures.analysis(width, height, grayscale, grey(), List.of()).toBuilder()
        .medium(medium)
        .light(LightAnalysis.of(LightKey.HIGH, Contrast.HIGH, 0.9, 0.1, 0.9))
        .build();
  }

  /** The Flux full-mode prompt, in lower case. */
  private String fullPrompt(ImageAnalysis analysis) {
    return compiler
        .compile(analysis, "flux", Mode.FULL, Controls.defaults())
        .prompt()
        .toLowerCase(java.util.Locale.ROOT);
  }

  /** A grey photograph of this key with these shares of the frame at pure white and black. */
  private static ImageAnalysis grounded(LightKey key, double white, double black) {
    ImageAnalysis base = detected();
    LightAnalysis l = LightAnalysis.of(key, Contrast.HIGH, 0.5, 0.2, 0.9);
    return base.toBuilder()
        .medium(Medium.of(MediumLabel.PHOTO, 0.5))
        .light(
            new LightAnalysis(
                l.key(),
                l.contrast(),
                l.meanLuminance(),
                l.rmsContrast(),
                l.confidence(),
                8.0,
                white,
                black,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null))
        .build();
  }

  /** A grey picture of this medium and size in which the detector found these. */
  private static ImageAnalysis found(Medium medium, int width, int height, Subject... found) {
    return Fixtures.analysis(width, height, false, grey(), List.of(found)).toBuilder()
        .medium(medium)
        .build();
  }

  /** A square grey photograph in which the detector found these. */
  private static ImageAnalysis detected(Subject... found) {
    return Fixtures.analysis(1000, 1000, false, grey(), List.of(found));
  }

  /** The measured description of a picture with no single subject. */
  private static MainSubject surface(String described) {
    return new MainSubject(
        null,
        described,
        io.promptlens.core.analysis.SubjectCategory.SURFACE,
        0,
        "vision.composition",
        0.5,
        "test");
  }

  private static List<PaletteColor> grey() {
    return List.of(new PaletteColor("#F0F0F0", "white", 0.8));
  }
}
