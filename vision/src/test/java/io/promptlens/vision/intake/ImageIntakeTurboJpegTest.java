package io.promptlens.vision.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plain JPEGs decoded by the machine's TurboJPEG give the analysis what ImageIO gives: the same
 * pixels at full size, the same raster size when subsampled, and the same refusals. Skipped where
 * TurboJPEG is not installed (Debian: {@code libturbojpeg-java libturbojpeg0-dev}; {@code .ci/run}
 * installs both).
 */
class ImageIntakeTurboJpegTest {

  /** Leptonica's cat on a bookshelf: 576 × 432, three components, no colour profile. */
  private static final String CAT = "/io/promptlens/vision/neural/acceptance/cat-marge.jpg";

  /** A gray scanned page from tesseract's test data: 1,404 × 840, one component. */
  private static final String PAGE = "/io/promptlens/vision/neural/ocr/lighttext.jpg";

  /** A street with a shop sign, 800 × 600, which embeds the sRGB IEC61966-2.1 profile. */
  private static final String STREET =
      "/io/promptlens/vision/neural/acceptance/street-scenetext01.jpg";

  @BeforeEach
  void needsTurboJpeg() {
    assumeTrue(
        TurboJpeg.installed() != null,
        "TurboJPEG is not installed here (apt-get install libturbojpeg-java libturbojpeg0-dev)");
  }

  @Test
  void atFullSizeThePixelsAreImageIosBitForBit() throws Exception {
    for (String photo : new String[] {CAT, PAGE}) {
      IntakeLimits limits = IntakeLimits.defaults();

      DecodedImage turbo = new ImageIntake(limits).decode(bytes(photo));
      DecodedImage reference = ImageIntake.imageIoOnly(limits).decode(bytes(photo));

      assertThat(turbo.decoder()).contains("TurboJPEG");
      assertThat(reference.decoder()).isEqualTo(ImageIntake.IMAGEIO);
      assertThat(pixels(turbo.pixels())).isEqualTo(pixels(reference.pixels()));
    }
  }

  @Test
  void subsampledTheRasterHasImageIosSizeAndThePicture() throws Exception {
    // Long sides 144 and 192 of the 576 px cat: every 4th pixel (TurboJPEG scales by 1/4
    // exactly) and every 3rd (it scales by 1/2 and picks 192 of 288 columns).
    for (int longSide : new int[] {144, 192}) {
      IntakeLimits limits = new IntakeLimits(1 << 24, 1 << 24, longSide);

      DecodedImage turbo = new ImageIntake(limits).decode(bytes(CAT));
      DecodedImage reference = ImageIntake.imageIoOnly(limits).decode(bytes(CAT));

      assertThat(turbo.decoder()).contains("TurboJPEG");
      assertThat(turbo.pixels().getWidth()).isEqualTo(longSide);
      assertThat(turbo.pixels().getWidth()).isEqualTo(reference.pixels().getWidth());
      assertThat(turbo.pixels().getHeight()).isEqualTo(reference.pixels().getHeight());
      assertThat(turbo.width()).isEqualTo(576);
      // The same picture: an area average against a point sample of it differs by a few levels
      // on average (fine detail aliases in the sample), where a shifted or mirrored raster would
      // differ by tens.
      assertThat(differences(turbo.pixels(), reference.pixels()).getAverage()).isLessThan(12);
    }
  }

  @Test
  void aTruncatedJpegIsStillRefused() throws Exception {
    byte[] whole = bytes(CAT);
    byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);

    assertThatThrownBy(() -> new ImageIntake(IntakeLimits.defaults()).decode(cut))
        .isInstanceOf(ImageRejectedException.class);
  }

  @Test
  void anSrgbTaggedJpegDecodesWithinRoundingOfImageIosColourManagedDecode() throws Exception {
    // The street embeds "sRGB IEC61966-2.1": ImageIO converts sRGB to sRGB, TurboJPEG leaves
    // the values as they are; the two differ by rounding only.
    IntakeLimits limits = IntakeLimits.defaults();

    DecodedImage turbo = new ImageIntake(limits).decode(bytes(STREET));
    DecodedImage reference = ImageIntake.imageIoOnly(limits).decode(bytes(STREET));

    assertThat(turbo.decoder()).contains("TurboJPEG");
    assertThat(differences(turbo.pixels(), reference.pixels()).getMax()).isLessThanOrEqualTo(2);
  }

  @Test
  void aJpegWithAnotherColourProfileIsLeftToImageIo() throws Exception {
    byte[] linear =
        JpegBytes.splice(
            bytes(CAT),
            0xE2,
            concat(
                "ICC_PROFILE\0\1\1".getBytes(StandardCharsets.ISO_8859_1),
                ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData()));

    DecodedImage image = new ImageIntake(IntakeLimits.defaults()).decode(linear);

    assertThat(image.decoder()).isEqualTo(ImageIntake.IMAGEIO);
  }

  private static byte[] bytes(String resource) throws IOException {
    try (InputStream in = ImageIntakeTurboJpegTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    }
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** Per-channel absolute differences of two same-size images, every pixel. */
  private static java.util.IntSummaryStatistics differences(BufferedImage a, BufferedImage b) {
    int[] p = pixels(a);
    int[] q = pixels(b);
    java.util.IntSummaryStatistics stats = new java.util.IntSummaryStatistics();
    for (int i = 0; i < p.length; i++) {
      for (int shift = 0; shift < 24; shift += 8) {
        stats.accept(Math.abs(((p[i] >> shift) & 0xFF) - ((q[i] >> shift) & 0xFF)));
      }
    }
    return stats;
  }
}
