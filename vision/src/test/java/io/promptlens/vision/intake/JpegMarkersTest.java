package io.promptlens.vision.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Which JPEGs count as plain YCbCr or gray with no colour profile (TurboJPEG may decode them). */
class JpegMarkersTest {

  @Test
  void aColourJpegAsImageIoWritesItIsPlain() throws IOException {
    assertThat(JpegMarkers.plain(jpeg(BufferedImage.TYPE_INT_RGB))).isTrue();
  }

  @Test
  void aGrayJpegIsPlain() throws IOException {
    assertThat(JpegMarkers.plain(jpeg(BufferedImage.TYPE_BYTE_GRAY))).isTrue();
  }

  @Test
  void anEmbeddedSrgbProfileIsPlain() throws IOException {
    byte[] tagged =
        JpegBytes.splice(jpeg(BufferedImage.TYPE_INT_RGB), 0xE2, icc(ColorSpace.CS_sRGB));

    assertThat(JpegMarkers.plain(tagged)).isTrue();
  }

  @Test
  void anotherEmbeddedProfileIsNotPlain() throws IOException {
    byte[] linear =
        JpegBytes.splice(jpeg(BufferedImage.TYPE_INT_RGB), 0xE2, icc(ColorSpace.CS_LINEAR_RGB));
    byte[] grayTagged =
        JpegBytes.splice(jpeg(BufferedImage.TYPE_BYTE_GRAY), 0xE2, icc(ColorSpace.CS_sRGB));

    assertThat(JpegMarkers.plain(linear)).isFalse();
    assertThat(JpegMarkers.plain(grayTagged)).isFalse();
  }

  @Test
  void aProfileWithAMissingChunkIsNotPlain() throws IOException {
    byte[] whole = icc(ColorSpace.CS_sRGB);
    whole[13] = 2; // "chunk 1 of 2", and no chunk 2

    assertThat(JpegMarkers.plain(JpegBytes.splice(jpeg(BufferedImage.TYPE_INT_RGB), 0xE2, whole)))
        .isFalse();
  }

  @Test
  void adobeTransformDecidesWhetherColourIsYcbcr() throws IOException {
    byte[] plain = jpeg(BufferedImage.TYPE_INT_RGB);
    byte[] ycbcr = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1};
    byte[] stored = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};

    assertThat(JpegMarkers.plain(JpegBytes.splice(plain, 0xEE, ycbcr))).isTrue();
    assertThat(JpegMarkers.plain(JpegBytes.splice(plain, 0xEE, stored))).isFalse();
  }

  @Test
  void aGrayJpegIsPlainWhateverAdobesTransformSays() throws IOException {
    // Adobe writes transform 0 for gray images too (Scratch's moon.jpg in eval/statements).
    byte[] stored = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};

    assertThat(
            JpegMarkers.plain(JpegBytes.splice(jpeg(BufferedImage.TYPE_BYTE_GRAY), 0xEE, stored)))
        .isTrue();
  }

  @Test
  void aFileCutBeforeItsFirstScanIsNotPlain() throws IOException {
    byte[] whole = jpeg(BufferedImage.TYPE_INT_RGB);
    int scan = indexOfScan(whole);

    assertThat(JpegMarkers.plain(Arrays.copyOf(whole, scan))).isFalse();
    assertThat(JpegMarkers.plain(Arrays.copyOf(whole, 3))).isFalse();
  }

  @Test
  void otherFormatsAreNotPlain() throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);

    assertThat(JpegMarkers.plain(png.toByteArray())).isFalse();
  }

  /** An APP2 payload holding a whole profile in one chunk. */
  private static byte[] icc(int colorSpace) {
    ByteArrayOutputStream icc = new ByteArrayOutputStream();
    icc.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1));
    icc.write(1);
    icc.write(1);
    icc.writeBytes(ICC_Profile.getInstance(colorSpace).getData());
    return icc.toByteArray();
  }

  private static byte[] jpeg(int type) throws IOException {
    BufferedImage image = new BufferedImage(32, 24, type);
    image.getGraphics().fillRect(4, 4, 10, 10);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  private static int indexOfScan(byte[] b) {
    for (int i = 0; i + 1 < b.length; i++) {
      if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xDA) {
        return i;
      }
    }
    throw new AssertionError("no scan");
  }
}
