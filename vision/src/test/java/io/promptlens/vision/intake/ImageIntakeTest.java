package io.promptlens.vision.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promptlens.core.analysis.ImageFormat;
import io.promptlens.vision.TestImages;
import io.promptlens.vision.intake.ImageRejectedException.Reason;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageIntakeTest {

  private static final int RED = 0xFF0000;
  private static final int BLUE = 0x0000FF;

  private final ImageIntake intake = new ImageIntake(IntakeLimits.defaults());

  /** 300 × 200, blue, with a 30 × 30 red square in the stored top-left corner. */
  private static BufferedImage markedCorner() {
    return TestImages.rgb(300, 200, (x, y) -> x < 30 && y < 30 ? RED : BLUE);
  }

  @Test
  void baselineJpegDecodesToFullSizeSrgbRaster() throws Exception {
    DecodedImage image = intake.decode(TestImages.jpeg(markedCorner(), false));

    assertThat(image.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(image.width()).isEqualTo(300);
    assertThat(image.height()).isEqualTo(200);
    assertThat(image.pixels().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    assertThat(isReddish(image.pixels().getRGB(5, 5))).isTrue();
    assertThat(isReddish(image.pixels().getRGB(200, 100))).isFalse();
  }

  @Test
  void progressiveJpegDecodes() throws Exception {
    DecodedImage image = intake.decode(TestImages.jpeg(markedCorner(), true));

    assertThat(image.width()).isEqualTo(300);
    assertThat(isReddish(image.pixels().getRGB(5, 5))).isTrue();
  }

  @Test
  void exifOrientationSixRotatesSizeAndPixelsClockwise() throws Exception {
    byte[] jpeg = TestImages.withExifOrientation(TestImages.jpeg(markedCorner(), false), 6);

    DecodedImage image = intake.decode(jpeg);

    assertThat(image.width()).isEqualTo(200);
    assertThat(image.height()).isEqualTo(300);
    assertThat(image.pixels().getWidth()).isEqualTo(200);
    assertThat(image.pixels().getHeight()).isEqualTo(300);
    // Rotating clockwise moves the stored top-left corner to the top-right.
    assertThat(isReddish(image.pixels().getRGB(195, 5))).isTrue();
    assertThat(isReddish(image.pixels().getRGB(5, 5))).isFalse();
  }

  @Test
  void exifOrientationEightRotatesCounterClockwise() throws Exception {
    byte[] jpeg = TestImages.withExifOrientation(TestImages.jpeg(markedCorner(), false), 8);

    DecodedImage image = intake.decode(jpeg);

    assertThat(image.width()).isEqualTo(200);
    assertThat(image.height()).isEqualTo(300);
    assertThat(isReddish(image.pixels().getRGB(5, 295))).isTrue();
    assertThat(isReddish(image.pixels().getRGB(195, 5))).isFalse();
  }

  @Test
  void sixteenBitGrayPngKeepsItsGrayLevels() throws Exception {
    BufferedImage gray = new BufferedImage(64, 32, BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster raster = gray.getRaster();
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 64; x++) {
        raster.setSample(x, y, 0, x < 32 ? 0x8080 : 0xFFFF);
      }
    }

    DecodedImage image = intake.decode(TestImages.encode(gray, "png"));

    assertThat(image.format()).isEqualTo(ImageFormat.PNG);
    // Stored gamma-encoded: 0x8080 / 0xFFFF is code value 128, not brightened as linear gray.
    assertThat(image.pixels().getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x808080);
    assertThat(image.pixels().getRGB(63, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
  }

  @Test
  void palettePngWithTransparencyIsFlattenedOntoWhite() throws Exception {
    byte[] reds = {(byte) 255, 0};
    byte[] zeros = {0, 0};
    byte[] alphas = {(byte) 255, 0};
    IndexColorModel model = new IndexColorModel(1, 2, reds, zeros, zeros, alphas);
    BufferedImage indexed = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_BINARY, model);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 20; x++) {
        indexed.getRaster().setSample(x, y, 0, 0);
      }
      for (int x = 20; x < 40; x++) {
        indexed.getRaster().setSample(x, y, 0, 1);
      }
    }

    DecodedImage image = intake.decode(TestImages.encode(indexed, "png"));

    assertThat(image.pixels().getRGB(5, 5) & 0xFFFFFF).isEqualTo(RED);
    assertThat(image.pixels().getRGB(35, 5) & 0xFFFFFF).isEqualTo(0xFFFFFF);
  }

  @Test
  void translucentArgbPngIsCompositedOverWhite() throws Exception {
    BufferedImage argb = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = argb.createGraphics();
    g.setColor(new Color(0, 0, 0, 128));
    g.fillRect(0, 0, 10, 10);
    g.dispose();

    DecodedImage image = intake.decode(TestImages.encode(argb, "png"));

    int gray = image.pixels().getRGB(3, 3) & 0xFF;
    assertThat(gray).isBetween(126, 128);
  }

  @Test
  void gifBmpAndTiffDecode() throws Exception {
    BufferedImage picture = markedCorner();
    for (String format : new String[] {"gif", "bmp", "tiff"}) {
      DecodedImage image = intake.decode(TestImages.encode(picture, format));

      assertThat(image.format().toString()).isEqualTo(format);
      assertThat(image.width()).as(format).isEqualTo(300);
      assertThat(image.height()).as(format).isEqualTo(200);
      assertThat(isReddish(image.pixels().getRGB(5, 5))).as(format).isTrue();
      assertThat(isReddish(image.pixels().getRGB(200, 100))).as(format).isFalse();
    }
  }

  @Test
  void largeImageIsSubsampledButReportsItsFullSize() throws Exception {
    BufferedImage big = new BufferedImage(4000, 3000, BufferedImage.TYPE_BYTE_GRAY);

    DecodedImage image = intake.decode(TestImages.encode(big, "png"));

    assertThat(image.width()).isEqualTo(4000);
    assertThat(image.height()).isEqualTo(3000);
    int longSide = Math.max(image.pixels().getWidth(), image.pixels().getHeight());
    assertThat(longSide).isBetween(1000, IntakeLimits.DEFAULT_ANALYSIS_LONG_SIDE);
  }

  @Test
  void decompressionBombIsRefusedFromItsHeaderWithoutDecoding() {
    byte[] bomb = TestImages.pngBomb(50_000, 50_000);
    long start = System.nanoTime();

    assertThatThrownBy(() -> intake.decode(bomb))
        .isInstanceOfSatisfying(
            ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
        .hasMessage("image is 50000 × 50000 pixels (2500.0 MP), over the 100 MP limit");
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void aTinyGifClaimingMorePixelsThanItsDataCanHoldIsCorrupt() {
    byte[] gif = io.promptlens.vision.HostileInputs.gifClaiming(10_000);
    assertThat(gif).hasSize(35);

    assertRejected(gif, Reason.UNDECODABLE, "truncated or corrupt GIF data");
  }

  @Test
  void aLargeFlatGifStillDecodes() throws Exception {
    byte[] gif = TestImages.encode(TestImages.rgb(2000, 1500, (x, y) -> 0x3366CC), "gif");

    assertThat(intake.decode(gif).width()).isEqualTo(2000);
  }

  @Test
  void truncatedJpegIsUndecodable() {
    byte[] jpeg = TestImages.jpeg(TestImages.noisy(400, 300, 0x808080, 60, 1), false);
    byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);

    assertRejected(truncated, Reason.UNDECODABLE, "truncated or corrupt JPEG data");
  }

  @Test
  void truncatedPngIsUndecodable() {
    byte[] png = TestImages.encode(TestImages.noisy(200, 100, 0x808080, 60, 2), "png");
    byte[] truncated = Arrays.copyOf(png, png.length / 2);

    assertRejected(truncated, Reason.UNDECODABLE, "truncated or corrupt PNG data");
  }

  @Test
  void emptyInputIsRefused() {
    assertRejected(new byte[0], Reason.EMPTY, "the file is empty");
  }

  @Test
  void textIsNotAnImage() {
    byte[] text = "hello, this is not a picture\n".getBytes(StandardCharsets.UTF_8);

    assertRejected(text, Reason.UNSUPPORTED_FORMAT, "not an image (or an unsupported format)");
  }

  @Test
  void oversizedInputIsRefusedBeforeDecoding() {
    ImageIntake small = new ImageIntake(new IntakeLimits(1024, 1_000_000, 1600));
    byte[] png = TestImages.encode(TestImages.noisy(100, 100, 0x808080, 60, 3), "png");

    assertThatThrownBy(() -> small.decode(png))
        .isInstanceOfSatisfying(
            ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
        .hasMessageStartingWith("file is ")
        .hasMessageEndingWith("KB, over the 1 KB limit");
  }

  @Test
  void filesAreSniffedByContentNotByName(@TempDir Path dir) throws Exception {
    Path textAsJpeg = dir.resolve("photo.jpg");
    Files.writeString(textAsJpeg, "definitely not a jpeg");
    Path pngAsJpeg = dir.resolve("other.jpg");
    Files.write(pngAsJpeg, TestImages.encode(markedCorner(), "png"));

    assertThatThrownBy(() -> intake.decode(textAsJpeg))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT));
    assertThat(intake.decode(pngAsJpeg).format()).isEqualTo(ImageFormat.PNG);
  }

  @Test
  void fileSizeIsCheckedBeforeReading(@TempDir Path dir) throws Exception {
    ImageIntake small = new ImageIntake(new IntakeLimits(1024, 1_000_000, 1600));
    Path big = dir.resolve("big.png");
    Files.write(big, new byte[4096]);
    Path empty = dir.resolve("empty.png");
    Files.write(empty, new byte[0]);

    assertThatThrownBy(() -> small.decode(big))
        .isInstanceOfSatisfying(
            ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    assertThatThrownBy(() -> small.decode(empty))
        .isInstanceOfSatisfying(
            ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
    assertThatThrownBy(() -> small.decode(dir.resolve("missing.png")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void webpLossyAndLosslessDecode() throws Exception {
    // The 1 × 1 probes browsers' feature detection commonly uses, one per WebP codec.
    String lossy = "UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA";
    String lossless = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";
    for (String base64 : new String[] {lossy, lossless}) {
      DecodedImage image = intake.decode(Base64.getDecoder().decode(base64));

      assertThat(image.format()).isEqualTo(ImageFormat.WEBP);
      assertThat(image.width()).isEqualTo(1);
      assertThat(image.height()).isEqualTo(1);
    }
  }

  @Test
  void byteSizesAreWrittenForPeople() {
    assertThat(ImageIntake.humanBytes(900)).isEqualTo("900 bytes");
    assertThat(ImageIntake.humanBytes(1536)).isEqualTo("1.5 KB");
    assertThat(ImageIntake.humanBytes(30L * 1024 * 1024)).isEqualTo("30 MB");
  }

  private void assertRejected(byte[] bytes, Reason reason, String message) {
    assertThatThrownBy(() -> intake.decode(bytes))
        .isInstanceOfSatisfying(
            ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessage(message);
  }

  private static boolean isReddish(int argb) {
    int r = (argb >> 16) & 0xFF;
    int b = argb & 0xFF;
    return r > 200 && b < 60;
  }
}
