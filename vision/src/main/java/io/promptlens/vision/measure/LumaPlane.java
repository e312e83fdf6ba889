package io.promptlens.vision.measure;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The analysis raster as one plane of luma Y' (Rec. 601 weights on gamma-encoded sRGB code values,
 * 0..255, as in JPEG), the signal that focus, noise and edge measures run on. Luma rather than
 * linear luminance because blur and noise metrics are defined on code values (Crété-Roffet 2007,
 * Immerkær 1996) and sensor noise is roughly uniform in code values after the tone curve.
 *
 * <p>At most {@link #MAX_PIXELS} pixels: larger rasters are read every {@code step}-th pixel
 * (nearest neighbour, so no smoothing hides blur or noise). The array is owned by this plane.
 *
 * @param values row-major luma, {@code width × height}
 * @param width plane width
 * @param height plane height
 */
public record LumaPlane(float[] values, int width, int height) {

  /** 2^21 ≈ 2.1 MP: the default 1,600-px analysis raster always fits at step 1. */
  public static final int MAX_PIXELS = 1 << 21;

  public LumaPlane {
    if (values.length != width * height || width < 1 || height < 1) {
      throw new IllegalArgumentException("values must hold width × height samples");
    }
  }

  public float at(int x, int y) {
    return values[y * width + x];
  }

  public static LumaPlane of(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("expected a TYPE_INT_RGB raster");
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    int step = Math.max(1, (int) Math.ceil(Math.sqrt((double) w * h / MAX_PIXELS)));
    int pw = (w + step - 1) / step;
    int ph = (h + step - 1) / step;
    float[] values = new float[pw * ph];
    if (step == 1) {
      // The whole raster in order: one loop the JIT unrolls and vectorises (a variable stride
      // keeps it scalar), with the same arithmetic, so the same floats.
      for (int i = 0; i < values.length; i++) {
        int c = data[i];
        values[i] = 0.299f * ((c >> 16) & 0xFF) + 0.587f * ((c >> 8) & 0xFF) + 0.114f * (c & 0xFF);
      }
      return new LumaPlane(values, pw, ph);
    }
    int i = 0;
    for (int y = 0; y < h; y += step) {
      int row = y * w;
      for (int x = 0; x < w; x += step) {
        int c = data[row + x];
        values[i++] =
            0.299f * ((c >> 16) & 0xFF) + 0.587f * ((c >> 8) & 0xFF) + 0.114f * (c & 0xFF);
      }
    }
    return new LumaPlane(values, pw, ph);
  }
}
