package io.promptlens.vision.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LumaPlaneTest {

  @Test
  void eachValueIsTheRec601LumaOfItsPixel() {
    BufferedImage image = noise(37, 23);

    LumaPlane plane = LumaPlane.of(image);

    assertThat(plane.width()).isEqualTo(37);
    assertThat(plane.height()).isEqualTo(23);
    for (int y = 0; y < 23; y++) {
      for (int x = 0; x < 37; x++) {
        assertThat(plane.at(x, y)).isEqualTo(luma(image.getRGB(x, y)));
      }
    }
  }

  @Test
  void aRasterOverTheLimitIsReadEveryStepThPixel() {
    // 2,100 × 1,100 is 2.31 MP, over the 2^21 limit: every second pixel of every second row.
    BufferedImage image = noise(2100, 1100);

    LumaPlane plane = LumaPlane.of(image);

    assertThat(plane.width()).isEqualTo(1050);
    assertThat(plane.height()).isEqualTo(550);
    assertThat(plane.at(0, 0)).isEqualTo(luma(image.getRGB(0, 0)));
    assertThat(plane.at(1049, 549)).isEqualTo(luma(image.getRGB(2098, 1098)));
    assertThat(plane.at(300, 200)).isEqualTo(luma(image.getRGB(600, 400)));
  }

  private static float luma(int c) {
    return 0.299f * ((c >> 16) & 0xFF) + 0.587f * ((c >> 8) & 0xFF) + 0.114f * (c & 0xFF);
  }

  private static BufferedImage noise(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(7);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    return image;
  }
}
