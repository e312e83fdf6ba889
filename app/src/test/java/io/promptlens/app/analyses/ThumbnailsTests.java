package io.promptlens.app.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.Sharpness;
import io.promptlens.app.support.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Thumbnails: JPEG, long side at most 256 px, aspect kept, nothing but the pixels. */
class ThumbnailsTests {

  static BufferedImage image(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return image;
  }

  @Test
  void aLargeImageShrinksToALongSideOf256KeepingItsAspect() throws IOException {
    byte[] jpeg = Thumbnails.jpeg(image(1600, 900));

    BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertThat(thumbnail.getWidth()).isEqualTo(256);
    assertThat(thumbnail.getHeight()).isEqualTo(144);
    assertThat(new Color(thumbnail.getRGB(20, 70)).getRed()).isGreaterThan(200);
    assertThat(new Color(thumbnail.getRGB(236, 70)).getBlue()).isGreaterThan(200);
  }

  @Test
  void aPortraitImageIsLimitedByItsHeight() throws IOException {
    BufferedImage thumbnail =
        ImageIO.read(new ByteArrayInputStream(Thumbnails.jpeg(image(300, 1000))));

    assertThat(thumbnail.getHeight()).isEqualTo(256);
    assertThat(thumbnail.getWidth()).isEqualTo(77);
  }

  @Test
  void aSmallImageKeepsItsSize() throws IOException {
    BufferedImage thumbnail =
        ImageIO.read(new ByteArrayInputStream(Thumbnails.jpeg(image(120, 80))));

    assertThat(thumbnail.getWidth()).isEqualTo(120);
    assertThat(thumbnail.getHeight()).isEqualTo(80);
  }

  @Test
  void theJpegCarriesNoExifOrOtherApplicationSegmentButJfif() {
    assertOnlyJfif(Thumbnails.jpeg(image(640, 480)));
  }

  @Test
  void aBlurredThumbnailHasTheSharpOnesSizeButNoneOfItsDetail() throws IOException {
    BufferedImage checkerboard = TestImages.checkerboard(1024, 512, 32);

    byte[] sharp = Thumbnails.jpeg(checkerboard);
    byte[] blurred = Thumbnails.blurredJpeg(checkerboard);

    BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(blurred));
    assertThat(thumbnail.getWidth()).isEqualTo(256);
    assertThat(thumbnail.getHeight()).isEqualTo(128);
    assertOnlyJfif(blurred);
    assertThat(Sharpness.of(sharp)).isGreaterThan(1000);
    assertThat(Sharpness.of(blurred)).isLessThan(Sharpness.of(sharp) / 1000);
    // Not a single square survives: every pixel is close to the board's mean grey.
    for (int y = 0; y < thumbnail.getHeight(); y++) {
      for (int x = 0; x < thumbnail.getWidth(); x++) {
        assertThat(new Color(thumbnail.getRGB(x, y)).getGreen())
            .as("pixel %d,%d", x, y)
            .isBetween(100, 156);
      }
    }
  }

  @Test
  void aBlurredThumbnailKeepsTheImagesMainColoursWhereTheyAre() throws IOException {
    BufferedImage thumbnail =
        ImageIO.read(new ByteArrayInputStream(Thumbnails.blurredJpeg(image(1600, 900))));

    assertThat(thumbnail.getWidth()).isEqualTo(256);
    assertThat(thumbnail.getHeight()).isEqualTo(144);
    assertThat(new Color(thumbnail.getRGB(5, 70)).getRed()).isGreaterThan(180);
    assertThat(new Color(thumbnail.getRGB(250, 70)).getBlue()).isGreaterThan(180);
  }

  @Test
  void tinyImagesAreBlurredWithoutFailing() throws IOException {
    BufferedImage thumbnail =
        ImageIO.read(new ByteArrayInputStream(Thumbnails.blurredJpeg(image(3, 1))));

    assertThat(thumbnail.getWidth()).isEqualTo(3);
    assertThat(thumbnail.getHeight()).isEqualTo(1);
  }

  static void assertOnlyJfif(byte[] jpeg) {
    assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
    assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
    // Walk the segments up to the image data: only APP0 (JFIF) may appear among APPn markers.
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
      int marker = jpeg[at + 1] & 0xFF;
      if (marker == 0xDA) {
        break;
      }
      assertThat(marker >= 0xE1 && marker <= 0xEF).as("APP%d segment", marker - 0xE0).isFalse();
      assertThat(marker).as("comment segment").isNotEqualTo(0xFE);
      at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
    }
    assertThat(jpeg[at + 1] & 0xFF).as("reached the image data").isEqualTo(0xDA);
  }
}
