package io.promptlens.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PreparedImageTest {

  /** The JPEG marker codes (second byte) of every segment before the scan, in order. */
  static List<Integer> markers(byte[] jpeg) {
    List<Integer> markers = new ArrayList<>();
    int i = 2;
    while (i + 3 < jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
      int marker = jpeg[i + 1] & 0xFF;
      markers.add(marker);
      if (marker == 0xDA) {
        break;
      }
      int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
      i += 2 + length;
    }
    return markers;
  }

  @Test
  void aLargeImageIsDownscaledToTheLongSideLimitKeepingItsShape() throws Exception {
    PreparedImage prepared = PreparedImage.of(TestImages.gradient(3000, 2000));

    assertThat(prepared.width()).isEqualTo(1024);
    assertThat(prepared.height()).isEqualTo(683);
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(prepared.jpeg()));
    assertThat(decoded.getWidth()).isEqualTo(1024);
    assertThat(decoded.getHeight()).isEqualTo(683);
  }

  @Test
  void aPortraitImageIsLimitedOnItsHeight() {
    PreparedImage prepared = PreparedImage.of(TestImages.gradient(1200, 4000));

    assertThat(prepared.height()).isEqualTo(1024);
    assertThat(prepared.width()).isEqualTo(307);
  }

  @Test
  void aSmallImageKeepsItsSize() {
    PreparedImage prepared = PreparedImage.of(TestImages.gradient(640, 480));

    assertThat(prepared.width()).isEqualTo(640);
    assertThat(prepared.height()).isEqualTo(480);
  }

  @Test
  void theJpegCarriesNoMetadataSegments() {
    byte[] jpeg = PreparedImage.of(TestImages.gradient(800, 600)).jpeg();

    assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
    List<Integer> markers = markers(jpeg);
    // JFIF APP0 only: no APP1 (EXIF/XMP), APP2 (ICC), APP13 (IPTC) or COM (comment).
    assertThat(markers).contains(0xDA).doesNotContain(0xE1, 0xE2, 0xED, 0xFE);
    assertThat(markers.stream().filter(m -> m >= 0xE1 && m <= 0xEF)).isEmpty();
  }

  @Test
  void colourSurvivesScalingAndCompression() throws Exception {
    BufferedImage source = TestImages.gradient(2048, 1536);
    PreparedImage prepared = PreparedImage.of(source);
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(prepared.jpeg()));

    // The left edge is orange (230, 110, 20); the right edge near white.
    int left = decoded.getRGB(4, decoded.getHeight() / 2);
    assertThat((left >> 16) & 0xFF).isBetween(220, 240);
    assertThat((left >> 8) & 0xFF).isBetween(100, 122);
    assertThat(left & 0xFF).isBetween(8, 35);
    int right = decoded.getRGB(decoded.getWidth() - 4, decoded.getHeight() / 2);
    assertThat((right >> 8) & 0xFF).isGreaterThan(240);
  }

  @Test
  void transparencyIsFlattenedOntoWhite() throws Exception {
    BufferedImage transparent = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
    BufferedImage decoded =
        ImageIO.read(new ByteArrayInputStream(PreparedImage.of(transparent).jpeg()));

    int pixel = decoded.getRGB(50, 50);
    assertThat((pixel >> 16) & 0xFF).isGreaterThan(250);
    assertThat(pixel & 0xFF).isGreaterThan(250);
  }

  @Test
  void base64IsTheJpegWithoutLineBreaks() {
    PreparedImage prepared = PreparedImage.of(TestImages.gradient(300, 200));

    assertThat(prepared.base64()).doesNotContain("\n").startsWith("/9j/");
    assertThat(Base64.getDecoder().decode(prepared.base64())).isEqualTo(prepared.jpeg());
    assertThat(prepared.mediaType()).isEqualTo("image/jpeg");
  }

  @Test
  void anEmptyImageIsRefused() {
    assertThatThrownBy(() -> PreparedImage.of(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
