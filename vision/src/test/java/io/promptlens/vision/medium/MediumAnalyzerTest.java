package io.promptlens.vision.medium;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.vision.Synthetic;
import io.promptlens.vision.TestImages;
import io.promptlens.vision.focus.FocusAnalyzer;
import io.promptlens.vision.measure.AnalysisFrame;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MediumAnalyzerTest {

  private final MediumAnalyzer analyzer = new MediumAnalyzer();

  private Medium analyze(BufferedImage image) {
    AnalysisFrame frame = Synthetic.frame(image);
    FocusAnalyzer focus = new FocusAnalyzer();
    return analyzer.analyze(
        frame, focus.analyze(frame).noiseSigma(), focus.noise(frame).planarShare());
  }

  @Test
  void flatColourBlocksAreAGraphic() {
    int[] colours = {0xE63946, 0xF1FAEE, 0xA8DADC, 0x457B9D, 0x1D3557};
    Medium m = analyze(TestImages.rgb(640, 480, (x, y) -> colours[(x / 130 + y / 170) % 5]));

    assertThat(m.label()).isEqualTo(MediumLabel.GRAPHIC);
    assertThat(m.confidence()).isGreaterThan(0.8);
  }

  @Test
  void rowsOfInkWordsOnPaperAreADocument() {
    Medium m = analyze(TestImages.inkPage(5));

    assertThat(m.label()).isEqualTo(MediumLabel.DOCUMENT);
  }

  @Test
  void noisyContinuousToneIsAPhoto() {
    float[] v =
        Synthetic.noise(Synthetic.gaussian(Synthetic.blocks(640, 480, 40, 1), 640, 480, 8), 4, 2);

    assertThat(analyze(Synthetic.gray(v, 640, 480)).label()).isEqualTo(MediumLabel.PHOTO);
  }

  @Test
  void noiselessSmoothShadingIsARender() {
    Medium m =
        analyze(
            TestImages.rgb(
                640,
                480,
                (x, y) -> {
                  double d = Math.hypot(x - 320, y - 240) / 200;
                  if (d > 1) {
                    return Synthetic.lch(0.3 + 0.2 * y / 480.0, 0.03, 250);
                  }
                  double shade = Math.sqrt(1 - d * d) * (0.6 + 0.4 * (320 - x) / 200.0);
                  return Synthetic.lch(0.25 + 0.6 * Math.max(0, shade), 0.12, 30);
                }));

    assertThat(m.label()).isEqualTo(MediumLabel.THREE_D_RENDER);
  }

  @Test
  void aShadedCartoonWhoseOutlinesReadAsNoiseIsNotAPhoto() {
    // Gradient fills with dark anti-aliased outlines, on a gradient sky: the outlines lift the
    // noise
    // estimate past a camera's, but most pixels are exactly planar, which no camera produces.
    Random random = new Random(11);
    int n = 150;
    double[][] circles = new double[n][];
    for (int i = 0; i < n; i++) {
      circles[i] =
          new double[] {
            random.nextInt(640), random.nextInt(480), 12 + random.nextInt(40), random.nextInt(360)
          };
    }
    BufferedImage cartoon =
        TestImages.rgb(
            640,
            480,
            (x, y) -> {
              for (int i = n - 1; i >= 0; i--) {
                double[] c = circles[i];
                double d = Math.hypot(x - c[0], y - c[1]) - c[2];
                if (d < 1.5) {
                  double outline = Math.max(0, Math.min(1, 1.5 - Math.abs(d + 1.5)));
                  int fill = Synthetic.lch(0.5 + 0.3 * (y - c[1] + c[2]) / (2 * c[2]), 0.1, c[3]);
                  return outline > 0 ? mix(fill, 0x141414, outline) : fill;
                }
              }
              return Synthetic.lch(0.75 + 0.15 * y / 480.0, 0.06, 230);
            });
    AnalysisFrame frame = Synthetic.frame(cartoon);
    FocusAnalyzer focus = new FocusAnalyzer();
    Double sigma = focus.analyze(frame).noiseSigma();

    Medium m = analyzer.analyze(frame, sigma, focus.noise(frame).planarShare());

    assertThat(sigma).isGreaterThanOrEqualTo(MediumAnalyzer.CAMERA_NOISE);
    assertThat(m.label()).isNotEqualTo(MediumLabel.PHOTO);
  }

  private static int mix(int a, int b, double t) {
    int r = (int) Math.round(((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t);
    int g = (int) Math.round(((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t);
    int bl = (int) Math.round((a & 255) * (1 - t) + (b & 255) * t);
    return r << 16 | g << 8 | bl;
  }

  @Test
  void blockyUpscaleIsPixelArt() {
    Random random = new Random(3);
    int[] palette = {0x000000, 0xFFFFFF, 0xD04040, 0x40A040, 0x4040D0, 0xF0D040};
    int[] cells = new int[40 * 30];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = palette[random.nextInt(palette.length)];
    }
    Medium m = analyze(TestImages.rgb(320, 240, (x, y) -> cells[(y / 8) * 40 + x / 8]));

    assertThat(m.styles()).contains("pixel art");
  }

  @Test
  void thinInkStrokesOnWhiteAreLineArt() {
    Medium m =
        analyze(
            TestImages.rgb(
                640,
                480,
                (x, y) -> {
                  double r = Math.hypot(x - 320, y - 240);
                  boolean stroke =
                      Math.abs(r - 150) < 2 || Math.abs(r - 90) < 2 || Math.abs(x - y - 50) < 2;
                  return stroke ? 0x111111 : 0xFFFFFF;
                }));

    assertThat(m.label()).isEqualTo(MediumLabel.ILLUSTRATION);
    assertThat(m.styles()).contains("line art");
  }

  @Test
  void aCameraExposureMakesAPhotographUnlessTheFrameMayBeAPage() {
    Medium drawnLooking = new Medium(MediumLabel.ILLUSTRATION, 0.6, List.of("line art"));
    Medium page = Medium.of(MediumLabel.DOCUMENT, 0.8);

    Medium photo = MediumAnalyzer.withCamera(drawnLooking, true, 0.1);

    assertThat(photo.label()).isEqualTo(MediumLabel.PHOTO);
    assertThat(photo.confidence()).isEqualTo(MediumAnalyzer.CAMERA_EXPOSURE_CONFIDENCE);
    assertThat(MediumAnalyzer.withCamera(page, true, 0.1)).isEqualTo(page);
    // A blurred photographed page: no text rows found, but mostly paper.
    assertThat(MediumAnalyzer.withCamera(drawnLooking, true, 0.7)).isEqualTo(drawnLooking);
    assertThat(MediumAnalyzer.withCamera(drawnLooking, false, 0.1)).isEqualTo(drawnLooking);
  }
}
