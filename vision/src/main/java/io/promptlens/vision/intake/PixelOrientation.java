package io.promptlens.vision.intake;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Turns a stored raster into the one a viewer sees, for the eight EXIF orientations (TIFF 6.0, tag
 * 274): 1 as stored, 2 mirrored left–right, 3 rotated 180°, 4 mirrored top–bottom, 5 transposed, 6
 * rotated 90° clockwise, 7 transversed, 8 rotated 90° counter-clockwise.
 */
public final class PixelOrientation {

  private PixelOrientation() {}

  /** A new TYPE_INT_RGB raster; the input is returned unchanged for orientation 1 or unknown. */
  public static BufferedImage apply(BufferedImage src, int orientation) {
    if (orientation < 2 || orientation > 8) {
      return src;
    }
    int sw = src.getWidth();
    int sh = src.getHeight();
    boolean swap = ExifOrientation.swapsAxes(orientation);
    int dw = swap ? sh : sw;
    int dh = swap ? sw : sh;
    int[] in = ((DataBufferInt) src.getRaster().getDataBuffer()).getData();
    BufferedImage dst = new BufferedImage(dw, dh, BufferedImage.TYPE_INT_RGB);
    int[] out = ((DataBufferInt) dst.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < dh; y++) {
      for (int x = 0; x < dw; x++) {
        // (sx, sy): the stored pixel shown at display position (x, y).
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> {
            sx = sw - 1 - x;
            sy = y;
          }
          case 3 -> {
            sx = sw - 1 - x;
            sy = sh - 1 - y;
          }
          case 4 -> {
            sx = x;
            sy = sh - 1 - y;
          }
          case 5 -> {
            sx = y;
            sy = x;
          }
          case 6 -> {
            sx = y;
            sy = sh - 1 - x;
          }
          case 7 -> {
            sx = sw - 1 - y;
            sy = sh - 1 - x;
          }
          default -> { // 8
            sx = sw - 1 - y;
            sy = x;
          }
        }
        out[y * dw + x] = in[sy * sw + sx];
      }
    }
    return dst;
  }
}
