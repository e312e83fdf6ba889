package io.promptlens.vision.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Three-byte sRGB rasters are read row by row instead of pixel by pixel through the colour model;
 * the pixels must be exactly those {@link BufferedImage#getRGB} gives, whatever the byte order.
 */
class SrgbConverterTest {

  @Test
  void aThreeByteBgrRasterConvertsToTheColoursGetRgbReads() {
    BufferedImage bgr = new BufferedImage(37, 23, BufferedImage.TYPE_3BYTE_BGR);
    fillRandom(bgr.getRaster(), 1);

    assertSamePixels(bgr, SrgbConverter.toIntRgb(bgr));
  }

  @Test
  void aRedGreenBlueByteRasterConvertsToTheColoursGetRgbReads() {
    // Bytes in R, G, B order (as some decoders hand them), not the B, G, R of TYPE_3BYTE_BGR.
    ComponentColorModel model =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false,
            false,
            Transparency.OPAQUE,
            DataBuffer.TYPE_BYTE);
    WritableRaster raster =
        Raster.createInterleavedRaster(
            DataBuffer.TYPE_BYTE, 29, 31, 29 * 3, 3, new int[] {0, 1, 2}, null);
    fillRandom(raster, 2);
    BufferedImage rgb = new BufferedImage(model, raster, false, null);

    assertSamePixels(rgb, SrgbConverter.toIntRgb(rgb));
  }

  private static void fillRandom(WritableRaster raster, long seed) {
    Random random = new Random(seed);
    for (int y = 0; y < raster.getHeight(); y++) {
      for (int x = 0; x < raster.getWidth(); x++) {
        for (int band = 0; band < 3; band++) {
          raster.setSample(x, y, band, random.nextInt(256));
        }
      }
    }
  }

  private static void assertSamePixels(BufferedImage source, BufferedImage converted) {
    assertThat(converted.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    int w = source.getWidth();
    int[] expected = source.getRGB(0, 0, w, source.getHeight(), null, 0, w);
    for (int i = 0; i < expected.length; i++) {
      expected[i] &= 0xFFFFFF;
    }
    assertThat(((DataBufferInt) converted.getRaster().getDataBuffer()).getData())
        .containsExactly(expected);
  }
}
