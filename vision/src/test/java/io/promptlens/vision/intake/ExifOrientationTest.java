package io.promptlens.vision.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.ImageFormat;
import io.promptlens.vision.TestImages;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {

  private static final byte[] JPEG = TestImages.jpeg(TestImages.solid(16, 8, 0x336699), false);

  @Test
  void readsEachOrientationFromAJpegApp1Segment() {
    for (int orientation = 1; orientation <= 8; orientation++) {
      byte[] jpeg = TestImages.withExifOrientation(JPEG, orientation);

      assertThat(ExifOrientation.read(jpeg, ImageFormat.JPEG)).isEqualTo(orientation);
    }
  }

  @Test
  void jpegWithoutExifIsNormal() {
    assertThat(ExifOrientation.read(JPEG, ImageFormat.JPEG)).isEqualTo(ExifOrientation.NORMAL);
  }

  @Test
  void readsLittleEndianTiff() {
    ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
    tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    tiff.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1);
    tiff.putShort((short) 3).putShort((short) 0).putInt(0);

    assertThat(ExifOrientation.read(tiff.array(), ImageFormat.TIFF)).isEqualTo(3);
  }

  @Test
  void malformedOrTruncatedExifIsIgnored() {
    byte[] jpeg = TestImages.withExifOrientation(JPEG, 6);
    // Cut inside the Exif segment: the IFD entry is gone.
    byte[] cut = Arrays.copyOf(jpeg, 30);
    byte[] garbage = jpeg.clone();
    garbage[14] = (byte) 0xEE; // breaks the TIFF magic number 42

    assertThat(ExifOrientation.read(cut, ImageFormat.JPEG)).isEqualTo(ExifOrientation.NORMAL);
    assertThat(ExifOrientation.read(garbage, ImageFormat.JPEG)).isEqualTo(ExifOrientation.NORMAL);
  }

  @Test
  void onlyOrientationsFiveToEightSwapAxes() {
    assertThat(ExifOrientation.swapsAxes(4)).isFalse();
    assertThat(ExifOrientation.swapsAxes(5)).isTrue();
    assertThat(ExifOrientation.swapsAxes(8)).isTrue();
  }
}
