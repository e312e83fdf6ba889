package io.promptlens.vision.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * JPEGs outside plain sRGB: an embedded ICC profile and Adobe CMYK. Both are built here from known
 * values, with the marker segments spliced in after SOI as cameras and Photoshop write them.
 */
class ColourSpaceIntakeTest {

  private final ImageIntake intake = new ImageIntake(IntakeLimits.defaults());

  @Test
  void anEmbeddedIccProfileIsHonouredWhenConvertingToSrgb() throws Exception {
    // Linear-light value 55/255 (0.216) is sRGB middle gray 128: a decoder that ignored the
    // profile would hand analysis 55, two stops too dark.
    ColorSpace linear = ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB);
    ComponentColorModel model =
        new ComponentColorModel(linear, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
    WritableRaster raster = model.createCompatibleWritableRaster(64, 64);
    fill(raster, 55, 55, 55);
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(model, raster, false, null), "jpeg", plain);
    ByteArrayOutputStream icc = new ByteArrayOutputStream();
    icc.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1));
    icc.write(1); // chunk 1
    icc.write(1); // of 1
    icc.writeBytes(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());

    DecodedImage image =
        intake.decode(JpegBytes.splice(plain.toByteArray(), 0xE2, icc.toByteArray()));

    int rgb = image.pixels().getRGB(32, 32);
    assertThat((rgb >> 16) & 0xFF).isBetween(124, 132);
    assertThat((rgb >> 8) & 0xFF).isBetween(124, 132);
    assertThat(rgb & 0xFF).isBetween(124, 132);
  }

  @Test
  void adobeCmykJpegDecodesToTheRightColour() throws Exception {
    // Adobe stores CMYK inverted (255 = no ink): magenta + yellow ink, no cyan, no black = red.
    WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 64, 4, null);
    fill(cmyk, 255, 0, 0, 255);
    byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0}; // transform 0: CMYK

    DecodedImage image = intake.decode(JpegBytes.splice(writeRaster(cmyk), 0xEE, adobe));

    assertThat(image.width()).isEqualTo(64);
    assertThat(image.pixels().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    int rgb = image.pixels().getRGB(32, 32);
    assertThat((rgb >> 16) & 0xFF).isGreaterThan(200);
    assertThat((rgb >> 8) & 0xFF).isLessThan(90);
    assertThat(rgb & 0xFF).isLessThan(90);
  }

  private static void fill(WritableRaster raster, int... samples) {
    for (int y = 0; y < raster.getHeight(); y++) {
      for (int x = 0; x < raster.getWidth(); x++) {
        raster.setPixel(x, y, samples);
      }
    }
  }

  private static byte[] writeRaster(Raster raster) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(raster, null, null), null);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
