package io.promptlens.vision.intake;

import io.promptlens.core.analysis.ImageFormat;
import java.util.Optional;

/**
 * Identifies the container from its leading magic bytes. File names and extensions are never
 * consulted: they are user input and often wrong (a PNG saved as ".jpg" is common).
 */
public final class FormatSniffer {

  private FormatSniffer() {}

  public static Optional<ImageFormat> sniff(byte[] d) {
    if (startsWith(d, 0, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(ImageFormat.JPEG);
    }
    if (startsWith(d, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(ImageFormat.PNG);
    }
    if (startsWith(d, 0, 'G', 'I', 'F', '8')
        && d.length > 5
        && (d[4] == '7' || d[4] == '9')
        && d[5] == 'a') {
      return Optional.of(ImageFormat.GIF);
    }
    if (startsWith(d, 0, 'R', 'I', 'F', 'F') && startsWith(d, 8, 'W', 'E', 'B', 'P')) {
      return Optional.of(ImageFormat.WEBP);
    }
    // Classic TIFF (42) and BigTIFF (43), in either byte order.
    if (startsWith(d, 0, 'I', 'I', 0x2A, 0x00)
        || startsWith(d, 0, 'M', 'M', 0x00, 0x2A)
        || startsWith(d, 0, 'I', 'I', 0x2B, 0x00)
        || startsWith(d, 0, 'M', 'M', 0x00, 0x2B)) {
      return Optional.of(ImageFormat.TIFF);
    }
    if (isBmp(d)) {
      return Optional.of(ImageFormat.BMP);
    }
    return Optional.empty();
  }

  /**
   * "BM" alone is too weak (any text starting "BM" would match), so the DIB header size at offset
   * 14 must also be one of the sizes the BMP versions define.
   */
  private static boolean isBmp(byte[] d) {
    if (!startsWith(d, 0, 'B', 'M') || d.length < 18) {
      return false;
    }
    int header = (d[14] & 0xFF) | (d[15] & 0xFF) << 8 | (d[16] & 0xFF) << 16 | (d[17] & 0xFF) << 24;
    return header == 12
        || header == 16
        || header == 40
        || header == 52
        || header == 56
        || header == 64
        || header == 108
        || header == 124;
  }

  private static boolean startsWith(byte[] d, int offset, int... magic) {
    if (d.length < offset + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((d[offset + i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
