package io.promptlens.vision.intake;

import java.io.ByteArrayOutputStream;
import java.util.Set;

/**
 * Keeps only the chunks a PNG decoder needs to draw the first image: IHDR, PLTE, tRNS, IDAT, IEND
 * (PNG specification, 3rd ed., §5.6: the critical chunks plus transparency). Everything else goes
 * before any decoder sees the bytes: text (tEXt, zTXt, iTXt), ICC profiles (iCCP), APNG frames,
 * private chunks. The analysis reads none of them, and zTXt, iTXt and iCCP are deflate streams that
 * a decoder inflates in full: a 1×1 image passes every pixel limit while a 5 MB text chunk expands
 * to gigabytes. Dropping them is both the metadata stripping intake promises and the one bound that
 * does not depend on how a decoder treats chunks it reads "for metadata only". The orientation
 * (eXIf) is read from the original bytes by {@link ExifOrientation}, which inflates nothing.
 */
final class PngChunks {

  private static final int SIGNATURE = 8;

  private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "tRNS", "IDAT", "IEND");

  private PngChunks() {}

  /**
   * @return the PNG with only the kept chunks, CRCs unchanged
   * @throws IllegalArgumentException when a chunk's length runs past the end of the data, or the
   *     data ends before IEND (a truncated or forged file)
   */
  static byte[] essential(byte[] png) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
    out.write(png, 0, SIGNATURE);
    int i = SIGNATURE;
    while (true) {
      if (png.length - i < 12) {
        throw new IllegalArgumentException("the data ends inside a chunk header");
      }
      long length =
          ((png[i] & 0xFFL) << 24)
              | ((png[i + 1] & 0xFF) << 16)
              | ((png[i + 2] & 0xFF) << 8)
              | (png[i + 3] & 0xFF);
      long total = 12 + length;
      if (total > png.length - i) {
        throw new IllegalArgumentException("a chunk runs past the end of the data");
      }
      String type = new String(png, i + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (KEPT.contains(type)) {
        out.write(png, i, (int) total);
      }
      i += (int) total;
      if (type.equals("IEND")) {
        return out.toByteArray();
      }
    }
  }
}
