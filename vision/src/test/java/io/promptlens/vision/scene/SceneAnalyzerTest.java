package io.promptlens.vision.scene;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.Scene;
import io.promptlens.vision.Synthetic;
import io.promptlens.vision.TestImages;
import io.promptlens.vision.measure.AnalysisFrame;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SceneAnalyzerTest {

  private final SceneAnalyzer analyzer = new SceneAnalyzer();

  private static Scene analyze(BufferedImage image, MediumLabel medium, double median) {
    return new SceneAnalyzer().analyze(Synthetic.frame(image), medium, median);
  }

  private static BufferedImage landscape(int skyRgb, int groundHue, double groundL, double chroma) {
    return landscape(skyRgb, groundHue, groundL, chroma, 0.05);
  }

  /** A sky over a ground whose lightness steps by {@code grain} at random from pixel to pixel. */
  private static BufferedImage landscape(
      int skyRgb, int groundHue, double groundL, double chroma, double grain) {
    Random random = new Random(1);
    int[] texture = new int[640 * 480];
    for (int i = 0; i < texture.length; i++) {
      texture[i] = random.nextInt(5) - 2;
    }
    return TestImages.rgb(
        640,
        480,
        (x, y) ->
            y < 220
                ? skyRgb
                : Synthetic.lch(groundL + grain * texture[y * 640 + x], chroma, groundHue));
  }

  private static boolean vegetation(Scene scene) {
    return scene.labels().stream().anyMatch(l -> l.label().equals("vegetation"));
  }

  @Test
  void sunlitGrassOfAYellowGreenHueIsVegetation() {
    // 105 degrees: short of pure yellow's 110, where a field in warm daylight lies.
    Scene field = analyze(landscape(0x87B5E5, 105, 0.5, 0.06), MediumLabel.PHOTO, 0.2);

    assertThat(vegetation(field)).isTrue();
  }

  @Test
  void foliageSeenFromAfarIsVegetationThoughFinerThanACloseBush() {
    Scene distant = analyze(landscape(0x87B5E5, 140, 0.45, 0.08, 0.01), MediumLabel.PHOTO, 0.2);

    assertThat(vegetation(distant)).isTrue();
  }

  @Test
  void aSmoothGreenIsNoVegetation() {
    Scene painted = analyze(landscape(0x87B5E5, 140, 0.5, 0.1, 0), MediumLabel.PHOTO, 0.2);

    assertThat(painted.labels()).extracting(Scene.Label::label).contains("sky");
    assertThat(vegetation(painted)).isFalse();
  }

  @Test
  void blueSkyOverGreenFoliage() {
    Scene s = analyze(landscape(0x87B5E5, 140, 0.5, 0.1), MediumLabel.PHOTO, 0.2);

    assertThat(s.labels())
        .extracting(Scene.Label::label)
        .contains("sky", "vegetation", "outdoor")
        .doesNotContain("indoor", "night sky");
  }

  @Test
  void beigeGroundIsSand() {
    Scene s = analyze(landscape(0x87B5E5, 80, 0.8, 0.05), MediumLabel.PHOTO, 0.3);

    assertThat(s.labels())
        .extracting(Scene.Label::label)
        .contains("sky", "sand")
        .doesNotContain("vegetation");
  }

  @Test
  void whiteGroundUnderOvercastIsSnow() {
    Scene s = analyze(landscape(0xC8CDD2, 250, 0.92, 0.01), MediumLabel.PHOTO, 0.5);

    assertThat(s.labels()).extracting(Scene.Label::label).contains("snow");
  }

  @Test
  void darkTopOfADarkFrameIsNightSky() {
    Scene s =
        analyze(
            TestImages.rgb(640, 480, (x, y) -> y < 300 ? 0x05070F : 0x101010),
            MediumLabel.PHOTO,
            0.003);

    assertThat(s.labels()).extracting(Scene.Label::label).contains("night sky", "outdoor");
  }

  @Test
  void documentsAreTextPages() {
    Scene s = analyze(TestImages.solid(100, 100, 0xFFFFFF), MediumLabel.DOCUMENT, 0.9);

    assertThat(s.labels()).extracting(Scene.Label::label).containsExactly("document", "text page");
  }

  @Test
  void plainWallPhotoIsIndoor() {
    Scene s = analyze(TestImages.noisy(640, 480, 0x8A7560, 10, 2), MediumLabel.PHOTO, 0.2);

    assertThat(s.labels()).extracting(Scene.Label::label).containsExactly("indoor");
    assertThat(
            analyzer
                .analyze(Synthetic.frame(TestImages.solid(64, 64, 0)), MediumLabel.GRAPHIC, 0)
                .labels())
        .isEmpty();
  }

  private static boolean hasSkyCues(Scene scene) {
    return scene.labels().stream().anyMatch(l -> SceneAnalyzer.SKY_CUES.equals(l.source()));
  }

  /** An overcast sky over a textured brown ground, with a white block on the ground or not. */
  private static BufferedImage overcast(boolean whiteThingBelow) {
    Random random = new Random(2);
    return TestImages.rgb(
        640,
        480,
        (x, y) -> {
          if (y < 220) {
            return 0xC8CDD2;
          }
          if (whiteThingBelow && x >= 270 && x < 370 && y >= 300 && y < 400) {
            return 0xFFFFFF;
          }
          return Synthetic.lch(0.45 + 0.05 * (random.nextInt(5) - 2), 0.05, 60);
        });
  }

  @Test
  void aBlueSkyBrighterThanTheGroundItLightsHasTheCuesOfASky() {
    Scene s = analyze(landscape(0x87B5E5, 140, 0.5, 0.1), MediumLabel.PHOTO, 0.2);

    assertThat(hasSkyCues(s)).isTrue();
  }

  @Test
  void aGreySkyHasTheCuesOnlyWhileNothingInThePictureIsBrighter() {
    Scene sky = analyze(overcast(false), MediumLabel.PHOTO, 0.2);
    Scene wall = analyze(overcast(true), MediumLabel.PHOTO, 0.2);

    assertThat(hasSkyCues(sky)).isTrue();
    // The same grey band with something white below it: a wall lit by something brighter.
    assertThat(wall.labels()).extracting(Scene.Label::label).contains("sky");
    assertThat(hasSkyCues(wall)).isFalse();
  }

  @Test
  void aProductOnASeamlessWhiteBackdropLacksTheCuesThatTheSameWhiteOverGroundHas() {
    Random random = new Random(4);
    int[] noise = new int[640 * 480];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = random.nextInt(5) - 2;
    }
    BufferedImage product =
        TestImages.rgb(
            640,
            480,
            (x, y) ->
                x >= 220 && x < 420 && y >= 200 && y < 420
                    ? Synthetic.lch(0.3 + 0.05 * noise[y * 640 + x], 0.08, 30)
                    : 0xFFFFFF);
    BufferedImage overGround =
        TestImages.rgb(
            640,
            480,
            (x, y) ->
                y >= 200 ? Synthetic.lch(0.3 + 0.05 * noise[y * 640 + x], 0.08, 30) : 0xFFFFFF);

    assertThat(hasSkyCues(analyze(product, MediumLabel.PHOTO, 0.8))).isFalse();
    assertThat(hasSkyCues(analyze(overGround, MediumLabel.PHOTO, 0.5))).isTrue();
  }

  @Test
  void aBlueRegionThatDoesNotSpanTheTopEdgeLacksTheCues() {
    Random random = new Random(3);
    BufferedImage window =
        TestImages.rgb(
            640,
            480,
            (x, y) ->
                x < 256 && y < 220
                    ? 0x87B5E5
                    : Synthetic.lch(0.35 + 0.05 * (random.nextInt(5) - 2), 0.04, 50));

    Scene s = analyze(window, MediumLabel.PHOTO, 0.2);

    assertThat(s.labels()).extracting(Scene.Label::label).contains("sky");
    assertThat(hasSkyCues(s)).isFalse();
  }

  @Test
  void aTransparentGroundFlattenedOntoWhiteIsNoSky() {
    BufferedImage flattened = overcast(false);
    for (int y = 0; y < 220; y++) {
      for (int x = 0; x < 640; x++) {
        flattened.setRGB(x, y, 0xFFFFFF);
      }
    }
    BufferedImage opacity = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 480; y++) {
      for (int x = 0; x < 640; x++) {
        opacity.setRGB(x, y, y < 220 ? 0 : 0xFFFFFF);
      }
    }

    Scene opaque = analyzer.analyze(AnalysisFrame.of(flattened), MediumLabel.PHOTO, 0.2);
    Scene cutOut = analyzer.analyze(AnalysisFrame.of(flattened, opacity), MediumLabel.PHOTO, 0.2);

    assertThat(hasSkyCues(opaque)).isTrue();
    assertThat(hasSkyCues(cutOut)).isFalse();
  }
}
