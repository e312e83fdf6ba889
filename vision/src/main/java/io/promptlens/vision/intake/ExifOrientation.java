package io.promptlens.vision.intake;

import io.promptlens.core.analysis.ImageFormat;

/**
 * Reads the EXIF/TIFF Orientation tag (0x0112, values 1–8) straight from the container bytes: JPEG
 * APP1 "Exif", TIFF IFD0, WebP "EXIF" chunk and PNG "eXIf" chunk. Only this one tag is read; no
 * other metadata is parsed or kept. Every read is bounds-checked, and anything malformed means "no
 * orientation" (1), because a broken tag must not make a decodable image fail.
 */
public final class ExifOrientation {

  /** The value meaning "stored as displayed". */
  public static final int NORMAL = 1;

  private static final int TAG_ORIENTATION = 0x0112;

  private ExifOrientation() {}

  public static int read(byte[] d, ImageFormat format) {
    return switch (format) {
      case JPEG -> fromJpeg(d);
      case TIFF -> fromTiff(d, 0, d.length);
      case WEBP -> fromWebp(d);
      case PNG -> fromPng(d);
      default -> NORMAL;
    };
  }

  /** True for the four orientations (5–8) that swap width and height. */
  public static boolean swapsAxes(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  private static int fromJpeg(byte[] d) {
    int i = 2;
    while (i + 4 <= d.length) {
      if ((d[i] & 0xFF) != 0xFF) {
        return NORMAL;
      }
      int marker = d[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++;
        continue;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
        i += 2;
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) {
        return NORMAL;
      }
      int length = u16be(d, i + 2);
      if (length < 2) {
        return NORMAL;
      }
      int end = Math.min(d.length, i + 2 + length);
      if (marker == 0xE1 && i + 10 <= end && isExifHeader(d, i + 4)) {
        int orientation = fromTiff(d, i + 10, end);
        if (orientation != NORMAL) {
          return orientation;
        }
      }
      i += 2 + length;
    }
    return NORMAL;
  }

  private static int fromWebp(byte[] d) {
    int i = 12;
    while (i + 8 <= d.length) {
      int size = (int) Math.min(Integer.MAX_VALUE, u32(d, i + 4, true));
      int start = i + 8;
      int end = (int) Math.min(d.length, (long) start + size);
      if (d[i] == 'E' && d[i + 1] == 'X' && d[i + 2] == 'I' && d[i + 3] == 'F') {
        // Some writers keep the JPEG-style "Exif\0\0" prefix inside the chunk.
        return isExifHeader(d, start) ? fromTiff(d, start + 6, end) : fromTiff(d, start, end);
      }
      long next = (long) start + size + (size & 1);
      if (next > d.length) {
        return NORMAL;
      }
      i = (int) next;
    }
    return NORMAL;
  }

  private static int fromPng(byte[] d) {
    int i = 8;
    while (i + 12 <= d.length) {
      long length = u32(d, i, false);
      int start = i + 8;
      if (length > d.length - start) {
        return NORMAL;
      }
      if (d[i + 4] == 'e' && d[i + 5] == 'X' && d[i + 6] == 'I' && d[i + 7] == 'f') {
        return fromTiff(d, start, start + (int) length);
      }
      if (d[i + 4] == 'I' && d[i + 5] == 'E' && d[i + 6] == 'N' && d[i + 7] == 'D') {
        return NORMAL;
      }
      long next = start + length + 4;
      if (next > d.length) {
        return NORMAL;
      }
      i = (int) next;
    }
    return NORMAL;
  }

  /** The orientation in a TIFF structure occupying d[start, end). */
  static int fromTiff(byte[] d, int start, int end) {
    if (end - start < 8) {
      return NORMAL;
    }
    boolean little;
    if (d[start] == 'I' && d[start + 1] == 'I') {
      little = true;
    } else if (d[start] == 'M' && d[start + 1] == 'M') {
      little = false;
    } else {
      return NORMAL;
    }
    if (u16(d, start + 2, little) != 42) {
      return NORMAL;
    }
    long ifd = start + u32(d, start + 4, little);
    if (ifd + 2 > end) {
      return NORMAL;
    }
    int entries = u16(d, (int) ifd, little);
    for (int k = 0; k < entries; k++) {
      long entry = ifd + 2 + 12L * k;
      if (entry + 12 > end) {
        return NORMAL;
      }
      int e = (int) entry;
      if (u16(d, e, little) == TAG_ORIENTATION) {
        int type = u16(d, e + 2, little);
        long value = type == 3 ? u16(d, e + 8, little) : type == 4 ? u32(d, e + 8, little) : 0;
        return value >= 1 && value <= 8 ? (int) value : NORMAL;
      }
    }
    return NORMAL;
  }

  private static boolean isExifHeader(byte[] d, int i) {
    return i + 6 <= d.length
        && d[i] == 'E'
        && d[i + 1] == 'x'
        && d[i + 2] == 'i'
        && d[i + 3] == 'f'
        && d[i + 4] == 0
        && d[i + 5] == 0;
  }

  private static int u16be(byte[] d, int i) {
    return u16(d, i, false);
  }

  private static int u16(byte[] d, int i, boolean little) {
    int b0 = d[i] & 0xFF;
    int b1 = d[i + 1] & 0xFF;
    return little ? b0 | b1 << 8 : b0 << 8 | b1;
  }

  private static long u32(byte[] d, int i, boolean little) {
    long hi = u16(d, little ? i + 2 : i, little);
    long lo = u16(d, little ? i : i + 2, little);
    return hi << 16 | lo;
  }
}
