package io.promptlens.vision.intake;

import io.promptlens.core.analysis.ImageFormat;
import io.promptlens.vision.intake.ImageRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Safe image intake: refuses what it should not decode, then decodes a small analysis raster.
 *
 * <p>Order of checks, cheapest first and before any pixel is allocated: byte size, magic bytes,
 * then width × height from the header. Only then is the image decoded, with source subsampling so
 * the raster's long side is at most {@link IntakeLimits#analysisLongSide()}: a 100 MP photo is
 * never decoded at full size. The result is oriented (EXIF), converted to sRGB and flattened.
 *
 * <p>Thread-safe: each call uses its own {@link ImageReader}.
 */
public final class ImageIntake {

  private static final double MB = 1024 * 1024;

  /** Java arrays cannot be longer than this (a few bytes under Integer.MAX_VALUE). */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  static {
    registerPlugins();
  }

  /** Provenance of a raster ImageIO decoded. */
  public static final String IMAGEIO = "ImageIO with TwelveMonkeys readers";

  private final IntakeLimits limits;
  private final @Nullable TurboJpeg turbo;

  /** Intake that decodes plain JPEGs with the machine's TurboJPEG when it has it. */
  public ImageIntake(IntakeLimits limits) {
    this(limits, TurboJpeg.installed());
  }

  private ImageIntake(IntakeLimits limits, @Nullable TurboJpeg turbo) {
    this.limits = limits;
    this.turbo = turbo;
  }

  /** Intake that decodes everything with ImageIO: the reference a benchmark compares against. */
  public static ImageIntake imageIoOnly(IntakeLimits limits) {
    return new ImageIntake(limits, null);
  }

  /** Whether plain JPEGs are decoded by TurboJPEG (installed, and not turned off). */
  public boolean usesTurboJpeg() {
    return turbo != null;
  }

  public IntakeLimits limits() {
    return limits;
  }

  /**
   * Registers the TwelveMonkeys readers. Inside a Spring Boot fat jar ImageIO's automatic service
   * lookup runs with whatever context class loader first touched ImageIO, which may not see the
   * nested jars; scanning once with this class's own loader as context makes discovery reliable.
   */
  private static void registerPlugins() {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try {
      thread.setContextClassLoader(ImageIntake.class.getClassLoader());
      ImageIO.scanForPlugins();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * Reads and decodes a file. The size is checked before reading, and the read itself is bounded,
   * so a file that grows meanwhile cannot cause an unbounded allocation.
   *
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws IOException if it cannot be read
   */
  public DecodedImage decode(Path file) throws ImageRejectedException, IOException {
    long size = Files.size(file);
    checkByteSize(size);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) Math.min(MAX_ARRAY, limits.maxBytes() + 1));
    }
    return decode(bytes);
  }

  public DecodedImage decode(byte[] bytes) throws ImageRejectedException {
    checkByteSize(bytes.length);
    ImageFormat format =
        FormatSniffer.sniff(bytes)
            .orElseThrow(
                () ->
                    new ImageRejectedException(
                        Reason.UNSUPPORTED_FORMAT, "not an image (or an unsupported format)"));
    int orientation = ExifOrientation.read(bytes, format);
    byte[] pixelData = format == ImageFormat.PNG ? essentialPng(bytes) : bytes;
    Stored stored = read(pixelData, format, limits.analysisLongSide());
    BufferedImage pixels =
        PixelOrientation.apply(SrgbConverter.toIntRgb(stored.image()), orientation);
    BufferedImage opacity = SrgbConverter.opacity(stored.image());
    if (opacity != null) {
      opacity = PixelOrientation.apply(opacity, orientation);
    }
    boolean swap = ExifOrientation.swapsAxes(orientation);
    DecodedImage.Detail detail =
        longSide -> {
          if (longSide <= pixels.getWidth() && longSide <= pixels.getHeight()) {
            return pixels;
          }
          try {
            Stored larger = read(pixelData, format, longSide);
            return PixelOrientation.apply(SrgbConverter.toIntRgb(larger.image()), orientation);
          } catch (ImageRejectedException e) {
            return null; // it decoded once; a second failure leaves the analysis raster
          }
        };
    return new DecodedImage(
        pixels,
        swap ? stored.height() : stored.width(),
        swap ? stored.width() : stored.height(),
        format,
        detail,
        ExifOrientation.camera(bytes, format),
        stored.decoder(),
        opacity);
  }

  private static byte[] essentialPng(byte[] bytes) throws ImageRejectedException {
    try {
      return PngChunks.essential(bytes);
    } catch (IllegalArgumentException e) {
      throw corrupt(ImageFormat.PNG, e);
    }
  }

  /**
   * A decoded (subsampled) raster as stored, with the full stored size from the header and what
   * decoded it.
   */
  private record Stored(BufferedImage image, int width, int height, String decoder) {}

  private Stored read(byte[] bytes, ImageFormat format, int longSide)
      throws ImageRejectedException {
    ImageReader reader = readerFor(format);
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, false, false);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width <= 0 || height <= 0) {
        throw corrupt(format, null);
      }
      checkPixelCount(width, height);
      checkDataCanFill(format, width, height, bytes.length);
      ImageReadParam param = reader.getDefaultReadParam();
      int period = (int) Math.ceil(Math.max(width, height) / (double) longSide);
      if (turbo != null && format == ImageFormat.JPEG && JpegMarkers.plain(bytes)) {
        BufferedImage fast = turboRead(turbo, bytes, width, height, period);
        if (fast != null) {
          return new Stored(fast, width, height, turbo.decoder());
        }
      }
      if (period > 1) {
        param.setSourceSubsampling(period, period, 0, 0);
      }
      BufferedImage image = reader.read(0, param);
      if (image == null || warnings.stream().anyMatch(ImageIntake::meansTruncated)) {
        throw corrupt(format, null);
      }
      return new Stored(image, width, height, IMAGEIO);
    } catch (IOException | RuntimeException e) {
      // Plugins signal bad data with IIOException but also with assorted runtime exceptions
      // (index out of bounds, illegal state...); to the user all of them mean the same thing.
      throw corrupt(format, e);
    } finally {
      reader.dispose();
    }
  }

  /**
   * The raster ImageIO's subsampling by {@code period} would give (same size, every {@code
   * period}-th pixel's place), from TurboJPEG: decoded at the smallest of the scales 1/8, 1/4, 1/2
   * and 1 that is at least that size, so the DCT does the shrinking, then picked to the exact size.
   * At full size (period 1) its pixels are ImageIO's own, bit for bit, for the plain JPEGs it is
   * given ({@code ImageIntakeTurboJpegTest}); when subsampling, each pixel is an average over its
   * area instead of one sample, so fine texture no longer aliases. Null when TurboJPEG refused the
   * file.
   */
  private static @Nullable BufferedImage turboRead(
      TurboJpeg turbo, byte[] bytes, int width, int height, int period) {
    int targetWidth = ceilDiv(width, period);
    int targetHeight = ceilDiv(height, period);
    // Halving scales only: libjpeg-turbo has SIMD inverse DCTs for 1/8, 1/4 and 1/2, and the odd
    // eighths run scalar code (3/8 of the 12 MP garden took 19 ms, 1/2 took 15,
    // docs/performance.md).
    for (int m = 1; m <= 8; m *= 2) {
      int scaledWidth = ceilDiv(width * m, 8);
      int scaledHeight = ceilDiv(height * m, 8);
      if (scaledWidth >= targetWidth && scaledHeight >= targetHeight) {
        boolean exact = scaledWidth == targetWidth && scaledHeight == targetHeight;
        if (!exact && (long) scaledWidth * scaledHeight > MAX_TURBO_INTERMEDIATE) {
          return null; // ImageIO allocates only the target: see MAX_TURBO_INTERMEDIATE
        }
        BufferedImage scaled = turbo.decode(bytes, scaledWidth, scaledHeight);
        if (scaled == null || exact) {
          return scaled;
        }
        return pick(scaled, targetWidth, targetHeight);
      }
    }
    return null;
  }

  /**
   * Most pixels of a TurboJPEG decode that is then picked down. The decode holds up to 3.5 times
   * the target's pixels (every 15th pixel of a side is picked from an eighth-size decode, 15/8 a
   * side). For the analysis raster (at most 1,600 px a side, so at most 9 MP decoded) the bound is
   * never reached; for a page's 3,300 px detail decode it could mean 150 MB of transient raster, so
   * such a file takes ImageIO's path, which allocates only the target.
   */
  static final long MAX_TURBO_INTERMEDIATE = 16_000_000L;

  /** Nearest-pixel resampling to a smaller size (under twice the target per side). */
  private static BufferedImage pick(BufferedImage src, int width, int height) {
    int sw = src.getWidth();
    int sh = src.getHeight();
    int[] in = ((java.awt.image.DataBufferInt) src.getRaster().getDataBuffer()).getData();
    BufferedImage dst = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] out = ((java.awt.image.DataBufferInt) dst.getRaster().getDataBuffer()).getData();
    int[] columns = new int[width];
    for (int x = 0; x < width; x++) {
      columns[x] = (int) ((2L * x + 1) * sw / (2L * width));
    }
    for (int y = 0; y < height; y++) {
      int row = (int) ((2L * y + 1) * sh / (2L * height)) * sw;
      int o = y * width;
      for (int x = 0; x < width; x++) {
        out[o + x] = in[row + columns[x]];
      }
    }
    return dst;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /**
   * Whether a decoder warning means the data ended early. The JDK JPEG decoder reports a truncated
   * file only as the warning "Premature end of JPEG file" and returns a partly gray image. Other
   * warnings (e.g. "extraneous bytes before marker") are common in camera files that display fine,
   * so they do not reject the image.
   */
  private static boolean meansTruncated(String warning) {
    String w = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
    return w.contains("premature end")
        || w.contains("truncat")
        || w.contains("unexpected end")
        || w.contains("end of file");
  }

  /** "30 MB", "1.5 KB", "900 bytes": binary units, one decimal only where it is not whole. */
  static String humanBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    boolean mega = bytes >= 1024 * 1024;
    double value = bytes / (mega ? MB : 1024.0);
    String number =
        value == Math.rint(value)
            ? Long.toString((long) value)
            : String.format(Locale.ROOT, "%.1f", value);
    return number + (mega ? " MB" : " KB");
  }

  private void checkPixelCount(int width, int height) throws ImageRejectedException {
    long pixels = (long) width * height;
    if (pixels > limits.maxPixels()) {
      throw new ImageRejectedException(
          Reason.TOO_LARGE,
          String.format(
              Locale.ROOT,
              "image is %d × %d pixels (%.1f MP), over the %s MP limit",
              width,
              height,
              pixels / 1e6,
              megapixels(limits.maxPixels())));
    }
  }

  /**
   * Most pixels a file of this many bytes can hold, for formats whose compression has a hard
   * ceiling: GIF's LZW emits at least one 12-bit code per 4,096 pixels (its longest dictionary
   * string), and deflate at least one byte per 1,032 output bytes, a PNG row holding at most 8
   * pixels a byte (1-bit). A header claiming more describes data the file cannot contain: the
   * decoder would spend seconds filling a huge raster with nothing (a 35-byte GIF claiming 10000 ×
   * 10000 cost 1.3 s of CPU). JPEG, WebP and TIFF have no such simple ceiling and keep the pixel
   * limit alone.
   */
  static long mostPixelsIn(ImageFormat format, long bytes) {
    return switch (format) {
      case GIF -> bytes * 4096 * 8 / 12;
      case PNG -> bytes * 1032 * 8;
      default -> Long.MAX_VALUE;
    };
  }

  private static void checkDataCanFill(ImageFormat format, int width, int height, int bytes)
      throws ImageRejectedException {
    if ((long) width * height > mostPixelsIn(format, bytes)) {
      throw corrupt(format, null);
    }
  }

  private static String megapixels(long pixels) {
    return pixels % 1_000_000 == 0
        ? Long.toString(pixels / 1_000_000)
        : String.format(Locale.ROOT, "%.1f", pixels / 1e6);
  }

  private static ImageReader readerFor(ImageFormat format) throws ImageRejectedException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.toString());
    if (!readers.hasNext()) {
      throw new ImageRejectedException(
          Reason.UNSUPPORTED_FORMAT, "no decoder for " + label(format) + " images is installed");
    }
    return readers.next();
  }

  private static ImageRejectedException corrupt(ImageFormat format, @Nullable Throwable cause) {
    return new ImageRejectedException(
        Reason.UNDECODABLE, "truncated or corrupt " + label(format) + " data", cause);
  }

  private static String label(ImageFormat format) {
    return format == ImageFormat.WEBP ? "WebP" : format.name();
  }

  private void checkByteSize(long size) throws ImageRejectedException {
    if (size == 0) {
      throw new ImageRejectedException(Reason.EMPTY, "the file is empty");
    }
    if (size > limits.maxBytes()) {
      throw new ImageRejectedException(
          Reason.TOO_LARGE,
          "file is " + humanBytes(size) + ", over the " + humanBytes(limits.maxBytes()) + " limit");
    }
  }
}
