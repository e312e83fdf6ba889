package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector's rectangles and the rotated crops the reader cuts out of them. */
class TextGeometryTest {

  /** A probability map with 1 inside the rectangle (centre, angle in degrees, length, height). */
  private static float[] band(
      int w, int h, double cx, double cy, double degrees, double l, double t) {
    float[] map = new float[w * h];
    double ux = Math.cos(Math.toRadians(degrees));
    double uy = Math.sin(Math.toRadians(degrees));
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double dx = x + 0.5 - cx;
        double dy = y + 0.5 - cy;
        double a = dx * ux + dy * uy;
        double b = -dx * uy + dy * ux;
        if (Math.abs(a) <= l / 2 && Math.abs(b) <= t / 2) {
          map[y * w + x] = 1f;
        }
      }
    }
    return map;
  }

  /** A white image with a black {@link #band}. */
  private static BufferedImage stripe(
      int w, int h, double cx, double cy, double degrees, double l, double t) {
    float[] band = band(w, h, cx, cy, degrees, l, t);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, band[y * w + x] > 0 ? 0x000000 : 0xFFFFFF);
      }
    }
    return image;
  }

  private static double unclipped(double l, double t) {
    return l * t * TextDetector.UNCLIP / (2 * (l + t));
  }

  @Test
  void aLevelLineGetsALevelRectangleGrownByTheUnclipDistance() {
    List<TextDetector.Box> boxes =
        TextDetector.regions(band(200, 60, 100, 30, 0, 120, 12), 200, 60);

    assertThat(boxes).hasSize(1);
    TextDetector.Box box = boxes.get(0);
    double d = unclipped(120, 12);
    assertThat(box.angle()).isCloseTo(0, within(1e-9));
    assertThat(box.length()).isCloseTo(120 + 2 * d, within(1.0));
    assertThat(box.thickness()).isCloseTo(12 + 2 * d, within(1.0));
    assertThat(box.cx()).isCloseTo(100, within(0.6));
    assertThat(box.cy()).isCloseTo(30, within(0.6));
  }

  @Test
  void aSlopingLineGetsARectangleAlongItsSlope() {
    List<TextDetector.Box> boxes =
        TextDetector.regions(band(300, 200, 150, 100, 12, 200, 14), 300, 200);

    assertThat(boxes).hasSize(1);
    TextDetector.Box box = boxes.get(0);
    assertThat(Math.toDegrees(box.angle())).isCloseTo(12, within(1.0));
    // The pixel staircase of a sloping edge adds about a pixel to each side before unclipping.
    assertThat(box.thickness()).isCloseTo(14 + 2 * unclipped(200, 14), within(4.0));
    // Its axis-aligned bounds hold the whole slope: much taller than the line itself.
    assertThat(box.height()).isGreaterThan(50);
  }

  @Test
  void aSteepRegionKeepsTheAxisNearerTheHorizontalAndIsTall() {
    TextDetector.Box box =
        TextDetector.regions(band(200, 300, 100, 150, 80, 200, 14), 200, 300).get(0);

    assertThat(Math.toDegrees(box.angle())).isCloseTo(-10, within(1.0));
    assertThat(box.thickness()).isGreaterThan(box.length());
  }

  @Test
  void theHullOfASquaresCornersIsTheSquare() {
    List<double[]> hull =
        TextDetector.convexHull(
            List.of(
                new double[] {0, 0},
                new double[] {2, 0},
                new double[] {1, 1},
                new double[] {2, 2},
                new double[] {0, 2},
                new double[] {1, 0}));

    assertThat(hull).hasSize(4);
    assertThat(hull).noneMatch(p -> p[0] == 1 && p[1] == 1);
  }

  @Test
  void aRotatedCropTurnsASlopingStripeLevel() {
    // A dark stripe sloping at 20° through a white image.
    BufferedImage image = stripe(200, 120, 100, 60, 20, 150, 10);

    BufferedImage crop = Pixels.cropRotated(image, 100, 60, Math.toRadians(20), 140, 30);

    assertThat(crop.getWidth()).isEqualTo(140);
    assertThat(crop.getHeight()).isEqualTo(30);
    // Level in the crop: the middle rows are dark from end to end, the outer rows light.
    for (int x = 5; x < 135; x += 10) {
      assertThat(crop.getRGB(x, 15) & 0xff).as("middle at x=%d", x).isLessThan(60);
      assertThat(crop.getRGB(x, 2) & 0xff).as("top at x=%d", x).isGreaterThan(200);
      assertThat(crop.getRGB(x, 27) & 0xff).as("bottom at x=%d", x).isGreaterThan(200);
    }
  }

  @Test
  void aRotatedCropPastTheImageRepeatsTheEdge() {
    BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) {
        image.setRGB(x, y, 0x808080);
      }
    }

    BufferedImage crop = Pixels.cropRotated(image, 0, 0, 0.3, 20, 8);

    assertThat(crop.getRGB(0, 0) & 0xffffff).isEqualTo(0x808080);
    assertThat(crop.getRGB(19, 7) & 0xffffff).isEqualTo(0x808080);
  }

  @Test
  void aScaledRotatedCropSamplesTheSameRectangleSmaller() {
    BufferedImage image = stripe(400, 300, 200, 150, 15, 300, 40);

    BufferedImage crop = Pixels.cropRotated(image, 200, 150, Math.toRadians(15), 280, 120, 0.25);

    assertThat(crop.getWidth()).isEqualTo(70);
    assertThat(crop.getHeight()).isEqualTo(30);
    // The 40 px stripe is 10 px of the 30 in the middle; the rest is white.
    for (int x = 2; x < 68; x += 6) {
      assertThat(crop.getRGB(x, 15) & 0xff).as("middle at x=%d", x).isLessThan(60);
      assertThat(crop.getRGB(x, 3) & 0xff).as("top at x=%d", x).isGreaterThan(200);
      assertThat(crop.getRGB(x, 26) & 0xff).as("bottom at x=%d", x).isGreaterThan(200);
    }
  }
}
