package io.promptlens.vision.intake;

import java.io.ByteArrayOutputStream;

/** Builds JPEG files for tests the way cameras and editors write their marker segments. */
final class JpegBytes {

  private JpegBytes() {}

  /** Inserts one APPn segment right after SOI. */
  static byte[] splice(byte[] jpeg, int marker, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    out.write(0xFF);
    out.write(marker);
    int length = payload.length + 2;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(payload);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
