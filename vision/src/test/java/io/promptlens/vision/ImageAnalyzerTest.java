package io.promptlens.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.ImageFormat;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.Orientation;
import io.promptlens.core.analysis.Provenance;
import io.promptlens.core.analysis.SubjectCategory;
import io.promptlens.vision.intake.ImageRejectedException;
import io.promptlens.vision.intake.IntakeLimits;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageAnalyzerTest {

  private final ImageAnalyzer analyzer = new ImageAnalyzer();

  @Test
  void twoColourPngIsMeasuredEndToEnd() throws Exception {
    byte[] png =
        TestImages.encode(TestImages.rgb(400, 300, (x, y) -> x < 240 ? 0xFF0000 : 0x0000FF), "png");

    ImageAnalysis analysis = analyzer.analyze(png);

    assertThat(analysis.schemaVersion()).isEqualTo(ImageAnalysis.SCHEMA_VERSION);
    assertThat(analysis.image().width()).isEqualTo(400);
    assertThat(analysis.image().height()).isEqualTo(300);
    assertThat(analysis.image().format()).isEqualTo(ImageFormat.PNG);
    assertThat(analysis.image().orientation()).isEqualTo(Orientation.LANDSCAPE);
    assertThat(analysis.image().aspectRatio()).isEqualTo("4:3");
    assertThat(analysis.color().palette()).hasSize(2);
    assertThat(analysis.color().palette().get(0).hex()).isEqualTo("#FF0000");
    assertThat(analysis.color().palette().get(0).share()).isCloseTo(0.6, within(0.01));
    assertThat(analysis.color().grayscale()).isFalse();
  }

  @Test
  void intakesProvenanceNamesWhatDecodedThisImage() throws Exception {
    byte[] png = TestImages.encode(TestImages.solid(64, 48, 0x336699), "png");
    byte[] jpeg = TestImages.jpeg(TestImages.noisy(320, 240, 0x3A6B9C, 40, 2), false);
    io.promptlens.vision.intake.ImageIntake intake =
        new io.promptlens.vision.intake.ImageIntake(IntakeLimits.defaults());

    for (byte[] file : List.of(png, jpeg)) {
      io.promptlens.vision.intake.DecodedImage image = intake.decode(file);

      Provenance first = analyzer.analyze(image).provenance().get(0);

      assertThat(first.component()).isEqualTo("vision.intake");
      assertThat(first.detail()).startsWith(image.decoder() + ";");
    }
    // A PNG is never TurboJPEG's; a plain JPEG is, where the machine has it.
    assertThat(intake.decode(png).decoder())
        .isEqualTo(io.promptlens.vision.intake.ImageIntake.IMAGEIO);
    assertThat(intake.decode(jpeg).decoder())
        .contains(intake.usesTurboJpeg() ? "TurboJPEG" : "ImageIO");
  }

  @Test
  void featurelessImageLeavesFocusAndCompositionUnknownAndSaysWhatIsNotMeasured() throws Exception {
    ImageAnalysis analysis =
        analyzer.analyze(TestImages.encode(TestImages.solid(32, 32, 0x808080), "png"));

    assertThat(analysis.medium().label()).isEqualTo(MediumLabel.GRAPHIC);
    assertThat(analysis.focus().sharpness()).isNull();
    assertThat(analysis.composition().shotScale()).isNull();
    assertThat(analysis.subjects()).isEmpty();
    assertThat(analysis.scene().labels()).isEmpty();
    assertThat(analysis.people().count()).isZero();
    assertThat(analysis.text().content()).isEmpty();
    assertThat(analysis.notes())
        .anyMatch(note -> note.contains("medium"))
        .anyMatch(note -> note.contains("neural analysis was not run"));
    assertThat(analysis.provenance())
        .extracting(Provenance::component)
        .containsExactly(
            "vision.intake",
            "vision.color",
            "vision.light",
            "vision.focus",
            "vision.composition",
            "vision.medium",
            "vision.scene",
            "vision.subject");
    assertThat(analysis.provenance()).allMatch(p -> !p.version().isBlank());
    // Nothing stands out and nothing names it: the subject is the surface, never a guessed name.
    assertThat(analysis.subject().named()).isNull();
    assertThat(analysis.subject().category()).isEqualTo(SubjectCategory.SURFACE);
  }

  @Test
  void everyMeasuredStageIsReportedOnce() throws Exception {
    List<String> stages = new ArrayList<>();
    analyzer.analyze(
        new io.promptlens.vision.intake.ImageIntake(IntakeLimits.defaults())
            .decode(TestImages.jpeg(TestImages.noisy(320, 240, 0x3A6B9C, 40, 2), false)),
        (stage, nanos) -> stages.add(stage));

    assertThat(stages).containsExactlyElementsOf(ImageAnalyzer.STAGES);
  }

  @Test
  void colourfulPalettePngIsNotGrayscale() throws Exception {
    byte[] r = {(byte) 230, 20, (byte) 250, 30};
    byte[] g = {40, (byte) 180, (byte) 200, 60};
    byte[] b = {30, 60, 20, (byte) 220};
    IndexColorModel model = new IndexColorModel(2, 4, r, g, b);
    BufferedImage indexed = new BufferedImage(80, 80, BufferedImage.TYPE_BYTE_BINARY, model);
    for (int y = 0; y < 80; y++) {
      for (int x = 0; x < 80; x++) {
        indexed.getRaster().setSample(x, y, 0, (x / 20 + y / 40) % 4);
      }
    }

    ImageAnalysis analysis = analyzer.analyze(TestImages.encode(indexed, "png"));

    assertThat(analysis.color().grayscale()).isFalse();
    assertThat(analysis.color().palette()).hasSize(4);
  }

  @Test
  void grayJpegWithCompressionNoiseIsGrayscale() throws Exception {
    byte[] jpeg = TestImages.jpeg(TestImages.rgb(300, 200, (x, y) -> (x % 256) * 0x010101), false);

    ImageAnalysis analysis = analyzer.analyze(jpeg);

    assertThat(analysis.color().grayscale()).isTrue();
    assertThat(analysis.color().temperature().toString()).isEqualTo("neutral");
  }

  @Test
  void sameBytesGiveEqualAnalyses() throws Exception {
    byte[] jpeg = TestImages.jpeg(TestImages.noisy(640, 480, 0x9C6B3A, 70, 5), false);

    assertThat(analyzer.analyze(jpeg)).isEqualTo(analyzer.analyze(jpeg));
  }

  @Test
  void oneInstanceServesConcurrentCallers() throws Exception {
    byte[] jpeg = TestImages.jpeg(TestImages.noisy(320, 240, 0x3A6B9C, 70, 6), false);
    ImageAnalysis expected = analyzer.analyze(jpeg);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ImageAnalysis>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> analyzer.analyze(jpeg)));
      }
      for (Future<ImageAnalysis> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void analysesFilesAndPropagatesMissingOnes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("picture.bin");
    Files.write(file, TestImages.encode(TestImages.solid(60, 90, 0xFFFFFF), "bmp"));

    ImageAnalysis analysis = analyzer.analyze(file);

    assertThat(analysis.image().format()).isEqualTo(ImageFormat.BMP);
    assertThat(analysis.image().orientation()).isEqualTo(Orientation.PORTRAIT);
    assertThat(analysis.light().key().toString()).isEqualTo("high");
    assertThatThrownBy(() -> analyzer.analyze(dir.resolve("nope.png")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void limitsAreTheOnesGiven() {
    IntakeLimits limits = new IntakeLimits(1000, 2000, 100);

    assertThat(new ImageAnalyzer(limits).limits()).isSameAs(limits);
    assertThatThrownBy(() -> new ImageAnalyzer(limits).analyze(new byte[2000]))
        .isInstanceOf(ImageRejectedException.class);
  }
}
