package io.promptlens.models.tfjs;

/** Plain NHWC reference implementations of TensorFlow ops (batch 1), written from TF's docs. */
final class Reference {

  private Reference() {}

  static int outSize(int in, int k, int stride, boolean same) {
    return same ? (in + stride - 1) / stride : (in - k) / stride + 1;
  }

  static int padBefore(int in, int k, int stride, boolean same) {
    if (!same) {
      return 0;
    }
    int out = outSize(in, k, stride, true);
    return Math.max((out - 1) * stride + k - in, 0) / 2;
  }

  /**
   * Conv2DBackpropInput: the gradient of {@link #conv} with filter HWIO (I = {@code r} result
   * channels, O = {@code c} input channels) for a square result of side {@code result}, computed by
   * scattering each input value through the forward convolution's taps.
   */
  static float[] convTranspose(
      float[] x,
      int h,
      int w,
      int c,
      float[] f,
      int kh,
      int kw,
      int r,
      int stride,
      int result,
      boolean same) {
    int ph = padBefore(result, kh, stride, same);
    int pw = padBefore(result, kw, stride, same);
    double[] out = new double[result * result * r];
    for (int iy = 0; iy < h; iy++) {
      for (int ix = 0; ix < w; ix++) {
        for (int ky = 0; ky < kh; ky++) {
          for (int kx = 0; kx < kw; kx++) {
            int oy = iy * stride + ky - ph;
            int ox = ix * stride + kx - pw;
            if (oy < 0 || ox < 0 || oy >= result || ox >= result) {
              continue;
            }
            for (int o = 0; o < r; o++) {
              for (int i = 0; i < c; i++) {
                out[(oy * result + ox) * r + o] +=
                    x[(iy * w + ix) * c + i] * f[((ky * kw + kx) * r + o) * c + i];
              }
            }
          }
        }
      }
    }
    float[] y = new float[out.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) out[i];
    }
    return y;
  }

  /** Conv2D; filter HWIO; depthwise when {@code depthwise} (filter HWCM, output C·M). */
  static float[] conv(
      float[] x,
      int h,
      int w,
      int c,
      float[] f,
      int kh,
      int kw,
      int m,
      int stride,
      boolean same,
      boolean depthwise) {
    int oh = outSize(h, kh, stride, same);
    int ow = outSize(w, kw, stride, same);
    int ph = padBefore(h, kh, stride, same);
    int pw = padBefore(w, kw, stride, same);
    int oc = depthwise ? c * m : m;
    float[] out = new float[oh * ow * oc];
    for (int oy = 0; oy < oh; oy++) {
      for (int ox = 0; ox < ow; ox++) {
        for (int o = 0; o < oc; o++) {
          double sum = 0;
          for (int ky = 0; ky < kh; ky++) {
            for (int kx = 0; kx < kw; kx++) {
              int iy = oy * stride + ky - ph;
              int ix = ox * stride + kx - pw;
              if (iy < 0 || ix < 0 || iy >= h || ix >= w) {
                continue;
              }
              if (depthwise) {
                int ch = o / m;
                sum += x[(iy * w + ix) * c + ch] * f[((ky * kw + kx) * c + ch) * m + o % m];
              } else {
                for (int i = 0; i < c; i++) {
                  sum += x[(iy * w + ix) * c + i] * f[((ky * kw + kx) * c + i) * m + o];
                }
              }
            }
          }
          out[(oy * ow + ox) * oc + o] = (float) sum;
        }
      }
    }
    return out;
  }

  static float[] pool(
      float[] x, int h, int w, int c, int k, int stride, boolean same, boolean max) {
    int oh = outSize(h, k, stride, same);
    int ow = outSize(w, k, stride, same);
    int ph = padBefore(h, k, stride, same);
    int pw = padBefore(w, k, stride, same);
    float[] out = new float[oh * ow * c];
    for (int oy = 0; oy < oh; oy++) {
      for (int ox = 0; ox < ow; ox++) {
        for (int ch = 0; ch < c; ch++) {
          double acc = max ? Double.NEGATIVE_INFINITY : 0;
          int n = 0;
          for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
              int iy = oy * stride + ky - ph;
              int ix = ox * stride + kx - pw;
              if (iy >= 0 && ix >= 0 && iy < h && ix < w) {
                float v = x[(iy * w + ix) * c + ch];
                acc = max ? Math.max(acc, v) : acc + v;
                n++;
              }
            }
          }
          out[(oy * ow + ox) * c + ch] = (float) (max ? acc : acc / n);
        }
      }
    }
    return out;
  }

  /** tf.image.resize bilinear with TF's three coordinate conventions. */
  static float[] resizeBilinear(
      float[] x, int h, int w, int c, int oh, int ow, boolean alignCorners, boolean halfPixel) {
    float[] out = new float[oh * ow * c];
    double sy = alignCorners && oh > 1 ? (h - 1.0) / (oh - 1) : (double) h / oh;
    double sx = alignCorners && ow > 1 ? (w - 1.0) / (ow - 1) : (double) w / ow;
    for (int oy = 0; oy < oh; oy++) {
      double fy = halfPixel ? (oy + 0.5) * sy - 0.5 : oy * sy;
      fy = Math.max(0, fy);
      int y0 = Math.min((int) Math.floor(fy), h - 1);
      int y1 = Math.min(y0 + 1, h - 1);
      double dy = fy - y0;
      for (int ox = 0; ox < ow; ox++) {
        double fx = halfPixel ? (ox + 0.5) * sx - 0.5 : ox * sx;
        fx = Math.max(0, fx);
        int x0 = Math.min((int) Math.floor(fx), w - 1);
        int x1 = Math.min(x0 + 1, w - 1);
        double dx = fx - x0;
        for (int ch = 0; ch < c; ch++) {
          double top = x[(y0 * w + x0) * c + ch] * (1 - dx) + x[(y0 * w + x1) * c + ch] * dx;
          double bottom = x[(y1 * w + x0) * c + ch] * (1 - dx) + x[(y1 * w + x1) * c + ch] * dx;
          out[(oy * ow + ox) * c + ch] = (float) (top * (1 - dy) + bottom * dy);
        }
      }
    }
    return out;
  }

  static float[] random(long seed, int n) {
    java.util.Random r = new java.util.Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (r.nextGaussian());
    }
    return v;
  }
}
