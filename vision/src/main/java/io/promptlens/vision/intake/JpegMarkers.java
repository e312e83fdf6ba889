package io.promptlens.vision.intake;

/**
 * Reads a JPEG's markers up to its first scan to tell whether it is a plain 8-bit YCbCr or gray
 * picture in sRGB: no embedded colour profile, or a colour one that describes sRGB ({@link
 * SrgbProfiles}). Those need no colour management, so TurboJPEG may decode them. Anything else
 * (another profile, a gray one, CMYK or YCCK, RGB stored as such, 12-bit or lossless coding,
 * markers that do not parse) is not plain, and goes through ImageIO, which colour-manages it.
 */
final class JpegMarkers {

  private JpegMarkers() {}

  static boolean plain(byte[] b) {
    if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
      return false;
    }
    int components = 0; // of the frame, once read
    int adobeTransform = -1; // none
    byte[][] icc = null; // an embedded profile's chunks, in their order
    int i = 2;
    while (i + 4 <= b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        return false;
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++; // a fill byte
        continue;
      }
      if (marker == 0xD8 || marker == 0xD9 || (marker >= 0xD0 && marker <= 0xD7)) {
        return false; // a second start, an end or a restart before the first scan
      }
      int length = (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
      int start = i + 4;
      int end = i + 2 + length;
      if (length < 2 || end > b.length) {
        return false;
      }
      if (marker == 0xDA) {
        // The first scan: everything that decides colour came before it. Adobe's transform byte
        // says how three components are stored: 1 is YCbCr, 0 is RGB; a gray image ignores it.
        boolean ycbcr = components == 3 && (adobeTransform == -1 || adobeTransform == 1);
        return icc == null ? components == 1 || ycbcr : ycbcr && srgb(icc);
      }
      if (marker == 0xE2 && startsWith(b, start, end, "ICC_PROFILE")) {
        // "ICC_PROFILE\0", this chunk's number (from 1), how many chunks, then the data.
        if (end - start < 14) {
          return false;
        }
        int number = b[start + 12] & 0xFF;
        int count = b[start + 13] & 0xFF;
        if (count == 0 || number == 0 || number > count || (icc != null && icc.length != count)) {
          return false;
        }
        if (icc == null) {
          icc = new byte[count][];
        }
        icc[number - 1] = java.util.Arrays.copyOfRange(b, start + 14, end);
      }
      if (marker == 0xEE && startsWith(b, start, end, "Adobe")) {
        if (end - start < 12) {
          return false;
        }
        adobeTransform = b[start + 11] & 0xFF;
      }
      if (isFrame(marker)) {
        if (components != 0) {
          return false; // a second frame before any scan
        }
        components = plainComponents(marker, b, start, end);
        if (components == 0) {
          return false;
        }
      }
      i = end;
    }
    return false;
  }

  /** Whether the chunks make one profile, and it is sRGB ({@link SrgbProfiles}). */
  private static boolean srgb(byte[][] chunks) {
    java.io.ByteArrayOutputStream profile = new java.io.ByteArrayOutputStream();
    for (byte[] chunk : chunks) {
      if (chunk == null) {
        return false; // a chunk is missing
      }
      profile.writeBytes(chunk);
    }
    return SrgbProfiles.isSrgb(profile.toByteArray());
  }

  /** SOF0–SOF15, leaving out DHT (C4), JPG (C8) and DAC (CC), which share the range. */
  private static boolean isFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  /**
   * The frame's component count when it is plain, else 0: baseline, extended or progressive Huffman
   * or arithmetic coding (not lossless: C3, C7, CB, CF), 8 bits a sample, one component or three
   * whose identifiers do not spell R, G, B.
   */
  private static int plainComponents(int marker, byte[] b, int start, int end) {
    if (marker == 0xC3 || marker == 0xC7 || marker == 0xCB || marker == 0xCF) {
      return 0;
    }
    if (end - start < 6 || (b[start] & 0xFF) != 8) {
      return 0;
    }
    int components = b[start + 5] & 0xFF;
    if (components == 1) {
      return 1;
    }
    if (components != 3 || end - start < 6 + 3 * 3) {
      return 0;
    }
    int first = b[start + 6] & 0xFF;
    int second = b[start + 9] & 0xFF;
    int third = b[start + 12] & 0xFF;
    return first == 'R' && second == 'G' && third == 'B' ? 0 : 3;
  }

  private static boolean startsWith(byte[] b, int start, int end, String text) {
    if (end - start < text.length()) {
      return false;
    }
    for (int k = 0; k < text.length(); k++) {
      if (b[start + k] != text.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
