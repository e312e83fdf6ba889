package io.promptlens.vision.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PixelOrientationTest {

  /**
   * Stored 3 × 2 image with pixel values 1..6:
   *
   * <pre>
   * 1 2 3
   * 4 5 6
   * </pre>
   */
  private static BufferedImage stored() {
    BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    int v = 1;
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 3; x++) {
        image.setRGB(x, y, v++);
      }
    }
    return image;
  }

  private static String rows(BufferedImage image) {
    StringBuilder out = new StringBuilder();
    for (int y = 0; y < image.getHeight(); y++) {
      if (y > 0) {
        out.append('/');
      }
      for (int x = 0; x < image.getWidth(); x++) {
        out.append(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return out.toString();
  }

  @Test
  void allEightExifOrientationsGiveTheViewersPicture() {
    assertThat(rows(PixelOrientation.apply(stored(), 1))).isEqualTo("123/456");
    assertThat(rows(PixelOrientation.apply(stored(), 2))).isEqualTo("321/654");
    assertThat(rows(PixelOrientation.apply(stored(), 3))).isEqualTo("654/321");
    assertThat(rows(PixelOrientation.apply(stored(), 4))).isEqualTo("456/123");
    assertThat(rows(PixelOrientation.apply(stored(), 5))).isEqualTo("14/25/36");
    assertThat(rows(PixelOrientation.apply(stored(), 6))).isEqualTo("41/52/63");
    assertThat(rows(PixelOrientation.apply(stored(), 7))).isEqualTo("63/52/41");
    assertThat(rows(PixelOrientation.apply(stored(), 8))).isEqualTo("36/25/14");
  }

  @Test
  void outOfRangeOrientationLeavesPixelsAlone() {
    BufferedImage image = stored();

    assertThat(PixelOrientation.apply(image, 0)).isSameAs(image);
    assertThat(PixelOrientation.apply(image, 9)).isSameAs(image);
  }
}
