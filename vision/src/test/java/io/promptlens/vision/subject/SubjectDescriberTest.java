package io.promptlens.vision.subject;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.MainSubject;
import io.promptlens.core.analysis.SubjectCategory;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.measure.Grid;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SubjectDescriberTest {

  private final ImageAnalyzer analyzer = new ImageAnalyzer();

  @Test
  void anUnnamedDiscIsDescribedBySizePlaceColourAndShapeNeverByAGuessedName() throws Exception {
    ImageAnalysis analysis = analyzer.analyze(png(disc(new Color(0xF2, 0x80, 0x10), 0.65)));

    MainSubject subject = analysis.subject();
    assertThat(subject.named()).isNull();
    assertThat(subject.category()).isEqualTo(SubjectCategory.FORM);
    assertThat(subject.described())
        .doesNotStartWith("a small")
        .contains("vivid orange rounded form in the center against", "green background");
    assertThat(subject.source()).isEqualTo(SubjectDescriber.SOURCE);
  }

  @Test
  void aWhiteArtworkOnATransparentGroundIsAFormNotAWhiteFrame() throws Exception {
    BufferedImage cutOut = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = cutOut.createGraphics();
    g.setColor(Color.WHITE);
    g.fillOval(110, 60, 180, 180);
    g.dispose();
    BufferedImage flattened = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D f = flattened.createGraphics();
    f.setColor(Color.WHITE);
    f.fillRect(0, 0, 400, 300);
    f.dispose();

    MainSubject onClear = analyzer.analyze(png(cutOut)).subject();
    MainSubject onWhite = analyzer.analyze(png(flattened)).subject();

    assertThat(onClear.category()).isEqualTo(SubjectCategory.FORM);
    assertThat(onClear.described())
        .contains("white form in the center against a white background")
        .doesNotContain("rounded");
    assertThat(onWhite.category()).isEqualTo(SubjectCategory.SURFACE);
  }

  @Test
  void aSmallDiscIsSmallAndAPlainFrameIsASurface() throws Exception {
    ImageAnalysis small = analyzer.analyze(png(disc(new Color(0xF2, 0x80, 0x10), 0.2)));
    BufferedImage plain = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = plain.createGraphics();
    g.setColor(new Color(0x20, 0x50, 0x20));
    g.fillRect(0, 0, 400, 300);
    g.dispose();
    ImageAnalysis surface = analyzer.analyze(png(plain));

    assertThat(small.subject().described()).startsWith("a small").contains("rounded form");
    assertThat(surface.subject().category()).isEqualTo(SubjectCategory.SURFACE);
    assertThat(surface.subject().described()).contains("green").doesNotContain("form");
  }

  @Test
  void aBrightPatchInACornerIsBackgroundNotTheSubject() throws Exception {
    // A cloud lit in the top-right corner of a dark landscape: unlike every side's mean colour,
    // but touching two sides of the frame.
    ImageAnalysis corner = analyzer.analyze(png(rectangle(HILLS, CLOUD, 360, 0, 240, 170)));
    ImageAnalysis centred = analyzer.analyze(png(disc(CLOUD, 0.3)));

    assertThat(corner.subject().described()).doesNotContain("corner", "form");
    assertThat(corner.subject().category()).isEqualTo(SubjectCategory.SURFACE);
    assertThat(centred.subject().category()).isEqualTo(SubjectCategory.FORM);
  }

  @Test
  void aBandAcrossTheFrameIsPartOfTheSceneNotAForm() throws Exception {
    // A pale sky band over dark hills, reaching both sides, and the same band stopped short of
    // them: only the second stands in front of a background.
    MainSubject band = analyzer.analyze(png(rectangle(HILLS, CLOUD, 0, 140, 600, 60))).subject();
    MainSubject bar = analyzer.analyze(png(rectangle(HILLS, CLOUD, 120, 140, 360, 60))).subject();

    assertThat(band.category()).isEqualTo(SubjectCategory.SURFACE);
    assertThat(band.described()).doesNotContain("form");
    assertThat(bar.category()).isEqualTo(SubjectCategory.FORM);
    assertThat(bar.described()).contains("wide, elongated form");
  }

  @Test
  void aWideStripAlongTheTopEdgeIsSkyButAlongTheBottomItMayBeTheSubject() throws Exception {
    // Sky between two buildings, short of both sides; the same strip at the foot of the frame could
    // be a car or a bench standing on the ground.
    MainSubject top = analyzer.analyze(png(rectangle(HILLS, CLOUD, 90, 0, 420, 60))).subject();
    MainSubject bottom = analyzer.analyze(png(rectangle(HILLS, CLOUD, 90, 340, 420, 60))).subject();

    assertThat(top.category()).isEqualTo(SubjectCategory.SURFACE);
    assertThat(bottom.category()).isEqualTo(SubjectCategory.FORM);
    assertThat(bottom.described()).contains("wide, elongated form at the bottom edge");
  }

  @Test
  void aSmallFormMustBeCompactAndStandOutToBeWhatThePictureShows() throws Exception {
    // A thin pale strip (a trunk, a doorway) and a green disc 0.14 from the ground in OKLab, each
    // under 5 % of the frame (small), against the small orange disc that is a subject.
    BufferedImage strip = rectangle(GROUND, CLOUD, 290, 110, 20, 170);
    BufferedImage faint = disc(new Color(0x3C, 0x6E, 0x2E), 0.25);

    assertThat(SubjectDescriber.SMALL_FORM_CONTRAST).isEqualTo(0.2);
    assertThat(analyzer.analyze(png(strip)).subject().category())
        .isEqualTo(SubjectCategory.SURFACE);
    assertThat(analyzer.analyze(png(faint)).subject().category())
        .isEqualTo(SubjectCategory.SURFACE);
    assertThat(analyzer.analyze(png(disc(new Color(0xF2, 0x80, 0x10), 0.2))).subject().described())
        .startsWith("a small");
  }

  @Test
  void aPanelWithHolesIsNotRoundedThoughItFillsItsBoxAsAnEllipseDoes() {
    int w = 40;
    int h = 30;
    boolean[] panel = new boolean[w * h];
    boolean[] ellipse = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean inPanel = x >= 5 && x < 35 && y >= 5 && y < 25;
        // Two fields and a button the background shows through, as in a dialog window.
        boolean hole =
            x >= 9 && x < 31 && (y >= 8 && y < 11 || y >= 14 && y < 17)
                || x >= 9 && x < 16 && y >= 20 && y < 23;
        panel[y * w + x] = inPanel && !hole;
        double dx = (x + 0.5 - 20) / 15;
        double dy = (y + 0.5 - 15) / 10;
        ellipse[y * w + x] = dx * dx + dy * dy <= 1;
      }
    }
    SubjectDescriber.Blob dialog = SubjectDescriber.Blob.of(panel, w, h);
    SubjectDescriber.Blob disc = SubjectDescriber.Blob.of(ellipse, w, h);

    assertThat(dialog.fill()).isBetween(SubjectDescriber.ROUNDED_FILL, 0.88);
    assertThat(SubjectDescriber.shape(dialog)).isEmpty();
    assertThat(disc.fill()).isBetween(SubjectDescriber.ROUNDED_FILL, 0.88);
    assertThat(SubjectDescriber.shape(disc)).isEqualTo("rounded ");
  }

  @Test
  void cellsOfManyHuesAreMulticolouredNotTheirMuddyMean() {
    // Four cells: orange, lemon yellow, lime green, purple (OKLab); and four of one green.
    float[][] mixed = {
      {0.7f, 0.08f, 0.14f}, {0.9f, -0.02f, 0.17f}, {0.6f, -0.1f, 0.1f}, {0.4f, 0.08f, -0.08f}
    };
    float[][] green = {
      {0.6f, -0.1f, 0.1f}, {0.62f, -0.09f, 0.1f}, {0.58f, -0.1f, 0.09f}, {0.6f, -0.11f, 0.1f}
    };

    assertThat(colourOf(mixed)).isEqualTo("mixed");
    assertThat(colourOf(green)).endsWith("green");
  }

  @Test
  void aFormOfTwoColoursIsNamedByBothNotAsMulticoloured() {
    // A red wagon with black wheels: three vivid red cells and two black ones (OKLab), whose mean
    // is a maroon that neither is.
    float[][] wagon = {
      {0.6f, 0.2f, 0.1f}, {0.6f, 0.2f, 0.1f}, {0.6f, 0.2f, 0.1f}, {0.1f, 0f, 0f}, {0.1f, 0f, 0f}
    };

    assertThat(colourOf(wagon)).isEqualTo("red and black");
  }

  @Test
  void aWhiteGroundWithBlackShapesIsWhiteNotTheGreyOfTheirMean() {
    // aiga_coffee_shop_.png's ground around the cup: mostly white, the saucer black, a grey edge.
    float[] white = {1f, 0f, 0f};
    float[] black = {0f, 0f, 0f};
    float[] edge = {0.6f, 0f, 0f};
    float[][] ground = {white, white, white, white, white, white, black, black, black, edge};

    assertThat(colourOf(ground)).isEqualTo("white");
  }

  private static String colourOf(float[][] cells) {
    int n = cells.length;
    float[] l = new float[n];
    float[] a = new float[n];
    float[] b = new float[n];
    double[] sum = new double[3];
    for (int k = 0; k < n; k++) {
      l[k] = cells[k][0];
      a[k] = cells[k][1];
      b[k] = cells[k][2];
      sum[0] += l[k];
      sum[1] += a[k];
      sum[2] += b[k];
    }
    float[] none = new float[n];
    Grid grid = new Grid(n, 1, none, none, none, l, a, b, none, none);
    return SubjectDescriber.colour(grid, new boolean[n], false, sum, n, "mixed");
  }

  private static final Color GROUND = new Color(0x1E, 0x46, 0x1E);
  private static final Color HILLS = new Color(0x3A, 0x4A, 0x30);
  private static final Color CLOUD = new Color(0xF4, 0xF4, 0xF0);

  /** A 600 × 400 frame of {@code ground} with one rectangle of {@code colour}. */
  private static BufferedImage rectangle(Color ground, Color colour, int x, int y, int w, int h) {
    BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(ground);
    g.fillRect(0, 0, 600, 400);
    g.setColor(colour);
    g.fillRect(x, y, w, h);
    g.dispose();
    return image;
  }

  /** A disc of the given diameter (share of the height) centred on dark green. */
  private static BufferedImage disc(Color colour, double diameter) {
    BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(GROUND);
    g.fillRect(0, 0, 600, 400);
    g.setColor(colour);
    int d = (int) (400 * diameter);
    g.fillOval(300 - d / 2, 200 - d / 2, d, d);
    g.dispose();
    return image;
  }

  private static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
