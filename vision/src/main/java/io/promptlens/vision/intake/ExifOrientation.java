package io.promptlens.vision.intake;

import io.promptlens.core.analysis.ImageFormat;
import org.jspecify.annotations.Nullable;

/**
 * Reads the EXIF/TIFF Orientation tag (0x0112, values 1–8) straight from the container bytes: JPEG
 * APP1 "Exif", TIFF IFD0, WebP "EXIF" chunk and PNG "eXIf" chunk; and whether a camera recorded an
 * exposure ({@link #camera}). Nothing else is parsed, and no value is kept. Every read is
 * bounds-checked, and anything malformed means "no orientation" (1), because a broken tag must not
 * make a decodable image fail.
 */
public final class ExifOrientation {

  /** The value meaning "stored as displayed". */
  public static final int NORMAL = 1;

  private static final int TAG_ORIENTATION = 0x0112;
  private static final int TAG_MAKE = 0x010F;
  private static final int TAG_EXIF_IFD = 0x8769;
  private static final int TAG_EXPOSURE_TIME = 0x829A;
  private static final int TAG_F_NUMBER = 0x829D;

  private ExifOrientation() {}

  public static int read(byte[] d, ImageFormat format) {
    int[] tiff = tiffRange(d, format);
    return tiff == null ? NORMAL : fromTiff(d, tiff[0], tiff[1]);
  }

  /**
   * Whether a camera recorded an exposure: the EXIF block names the device that made the file (IFD0
   * Make, 0x010F) and its Exif IFD (0x8769) holds an exposure time (0x829A) or an f-number
   * (0x829D). A scanner names itself but records no exposure; a drawing program writes neither.
   * Only the presence of the tags is read, never their values, and nothing is kept (the intake
   * strips metadata).
   */
  public static boolean camera(byte[] d, ImageFormat format) {
    int[] tiff = tiffRange(d, format);
    if (tiff == null) {
      return false;
    }
    Ifd ifd0 = Ifd.first(d, tiff[0], tiff[1]);
    if (ifd0 == null || ifd0.entry(TAG_MAKE) < 0) {
      return false;
    }
    int pointer = ifd0.entry(TAG_EXIF_IFD);
    if (pointer < 0) {
      return false;
    }
    Ifd exif = Ifd.at(d, tiff[0], tiff[1], ifd0.little(), u32(d, pointer + 8, ifd0.little()));
    return exif != null && (exif.entry(TAG_EXPOSURE_TIME) >= 0 || exif.entry(TAG_F_NUMBER) >= 0);
  }

  /** The TIFF structure holding the EXIF block of the container, as {start, end}, or null. */
  private static int @Nullable [] tiffRange(byte[] d, ImageFormat format) {
    return switch (format) {
      case JPEG -> fromJpeg(d);
      case TIFF -> new int[] {0, d.length};
      case WEBP -> fromWebp(d);
      case PNG -> fromPng(d);
      default -> null;
    };
  }

  /** True for the four orientations (5–8) that swap width and height. */
  public static boolean swapsAxes(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  private static int @Nullable [] fromJpeg(byte[] d) {
    int i = 2;
    while (i + 4 <= d.length) {
      if ((d[i] & 0xFF) != 0xFF) {
        return null;
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
        return null;
      }
      int length = u16be(d, i + 2);
      if (length < 2) {
        return null;
      }
      int end = Math.min(d.length, i + 2 + length);
      if (marker == 0xE1 && i + 10 <= end && isExifHeader(d, i + 4)) {
        return new int[] {i + 10, end};
      }
      i += 2 + length;
    }
    return null;
  }

  private static int @Nullable [] fromWebp(byte[] d) {
    int i = 12;
    while (i + 8 <= d.length) {
      int size = (int) Math.min(Integer.MAX_VALUE, u32(d, i + 4, true));
      int start = i + 8;
      int end = (int) Math.min(d.length, (long) start + size);
      if (d[i] == 'E' && d[i + 1] == 'X' && d[i + 2] == 'I' && d[i + 3] == 'F') {
        // Some writers keep the JPEG-style "Exif\0\0" prefix inside the chunk.
        return isExifHeader(d, start) ? new int[] {start + 6, end} : new int[] {start, end};
      }
      long next = (long) start + size + (size & 1);
      if (next > d.length) {
        return null;
      }
      i = (int) next;
    }
    return null;
  }

  private static int @Nullable [] fromPng(byte[] d) {
    int i = 8;
    while (i + 12 <= d.length) {
      long length = u32(d, i, false);
      int start = i + 8;
      if (length > d.length - start) {
        return null;
      }
      if (d[i + 4] == 'e' && d[i + 5] == 'X' && d[i + 6] == 'I' && d[i + 7] == 'f') {
        return new int[] {start, start + (int) length};
      }
      if (d[i + 4] == 'I' && d[i + 5] == 'E' && d[i + 6] == 'N' && d[i + 7] == 'D') {
        return null;
      }
      long next = start + length + 4;
      if (next > d.length) {
        return null;
      }
      i = (int) next;
    }
    return null;
  }

  /** The orientation in a TIFF structure occupying d[start, end). */
  static int fromTiff(byte[] d, int start, int end) {
    Ifd ifd0 = Ifd.first(d, start, end);
    if (ifd0 == null) {
      return NORMAL;
    }
    int e = ifd0.entry(TAG_ORIENTATION);
    if (e < 0) {
      return NORMAL;
    }
    boolean little = ifd0.little();
    int type = u16(d, e + 2, little);
    long value = type == 3 ? u16(d, e + 8, little) : type == 4 ? u32(d, e + 8, little) : 0;
    return value >= 1 && value <= 8 ? (int) value : NORMAL;
  }

  /**
   * One image file directory of a TIFF structure in d[start, end): its entries' offsets, each
   * bounds-checked before it is read.
   */
  private record Ifd(byte[] d, int offset, int entries, int end, boolean little) {

    /** IFD0, or null when the header or the directory is malformed. */
    static @Nullable Ifd first(byte[] d, int start, int end) {
      if (start < 0 || end > d.length || end - start < 8) {
        return null;
      }
      boolean little;
      if (d[start] == 'I' && d[start + 1] == 'I') {
        little = true;
      } else if (d[start] == 'M' && d[start + 1] == 'M') {
        little = false;
      } else {
        return null;
      }
      if (u16(d, start + 2, little) != 42) {
        return null;
      }
      return at(d, start, end, little, u32(d, start + 4, little));
    }

    /** The directory at this offset from the TIFF header, or null when it lies outside. */
    static @Nullable Ifd at(byte[] d, int start, int end, boolean little, long offset) {
      long ifd = start + offset;
      if (offset < 8 || ifd + 2 > end) {
        return null;
      }
      return new Ifd(d, (int) ifd, u16(d, (int) ifd, little), end, little);
    }

    /** The byte offset of the entry with this tag, or -1. */
    int entry(int tag) {
      for (int k = 0; k < entries; k++) {
        long entry = offset + 2 + 12L * k;
        if (entry + 12 > end) {
          return -1;
        }
        if (u16(d, (int) entry, little) == tag) {
          return (int) entry;
        }
      }
      return -1;
    }
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
