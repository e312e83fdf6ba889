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

  /** A big-endian TIFF: IFD0 with Make and, when asked, a pointer to an Exif IFD with one tag. */
  private static byte[] tiff(boolean make, int exifTag, int exifOffset) {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.BIG_ENDIAN);
    b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    int entries = (make ? 1 : 0) + (exifTag != 0 ? 1 : 0);
    b.putShort((short) entries);
    if (make) {
      b.putShort((short) 0x010F).putShort((short) 2).putInt(4).put("Cam\0".getBytes());
    }
    if (exifTag != 0) {
      b.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(exifOffset);
    }
    b.putInt(0);
    if (exifTag != 0 && exifOffset + 18 <= 64) {
      b.position(exifOffset);
      b.putShort((short) 1).putShort((short) exifTag).putShort((short) 5).putInt(1).putInt(0);
    }
    return b.array();
  }

  @Test
  void aDeviceNameWithAnExposureTimeOrFNumberIsACamera() {
    assertThat(ExifOrientation.camera(tiff(true, 0x829A, 40), ImageFormat.TIFF)).isTrue();
    assertThat(ExifOrientation.camera(tiff(true, 0x829D, 40), ImageFormat.TIFF)).isTrue();
  }

  @Test
  void aDeviceNameWithoutAnExposureIsNoCamera() {
    // A scanner names itself and records no exposure.
    assertThat(ExifOrientation.camera(tiff(true, 0, 0), ImageFormat.TIFF)).isFalse();
    assertThat(ExifOrientation.camera(tiff(true, 0x9003, 40), ImageFormat.TIFF)).isFalse();
    assertThat(ExifOrientation.camera(tiff(false, 0x829A, 40), ImageFormat.TIFF)).isFalse();
  }

  @Test
  void anExifPointerOutsideTheBlockOrNoExifIsNoCamera() {
    assertThat(ExifOrientation.camera(tiff(true, 0x829A, 4000), ImageFormat.TIFF)).isFalse();
    assertThat(ExifOrientation.camera(tiff(true, 0x829A, 60), ImageFormat.TIFF)).isFalse();
    assertThat(ExifOrientation.camera(JPEG, ImageFormat.JPEG)).isFalse();
  }

  @Test
  void aRealCameraJpegIsACamera() throws Exception {
    byte[] street;
    try (var in =
        ExifOrientationTest.class.getResourceAsStream(
            "/io/promptlens/vision/neural/acceptance/street-scenetext01.jpg")) {
      street = in.readAllBytes();
    }

    assertThat(ExifOrientation.camera(street, ImageFormat.JPEG)).isTrue();
  }
}
