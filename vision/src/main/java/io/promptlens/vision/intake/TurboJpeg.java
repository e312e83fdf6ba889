package io.promptlens.vision.intake;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * libjpeg-turbo's TurboJPEG decoder, when the machine has it: Debian's {@code libturbojpeg-java}
 * (the Java classes, {@code /usr/share/java/turbojpeg.jar}) with {@code libturbojpeg0-dev} (the
 * {@code libturbojpeg.so} name its loader asks for). It is optional: without it every JPEG goes
 * through ImageIO as before.
 *
 * <p>Why: ImageIO's JPEG reader is libjpeg 6b without SIMD, and it cannot scale in the DCT. Asked
 * for every third pixel of a 12 MP photo it still decodes every row at full size (28 ms of the 31
 * ms the analysis raster cost), and a full decode takes 97 ms. TurboJPEG decodes the same photo in
 * 25 ms at full size and 14 ms at half size, because it scales inside the inverse DCT
 * (docs/performance.md, 2026-12-06).
 *
 * <p>The classes are loaded from the system's jar by their own class loader and called
 * reflectively, so the build needs nothing from outside Maven Central. {@code
 * PROMPTLENS_TURBOJPEG=0} (or the system property {@code promptlens.turbojpeg=false}) turns it off;
 * {@code PROMPTLENS_TURBOJPEG_JAR} names another jar.
 */
final class TurboJpeg {

  static final String DEBIAN_JAR = "/usr/share/java/turbojpeg.jar";

  /**
   * Stop at the first warning (a truncated file is only a warning to libjpeg; ImageIO's path then
   * decides, as it always did) and refuse progressive files with an unreasonable number of scans, a
   * known way to make a small file cost minutes (TurboJPEG's {@code TJFLAG_LIMITSCANS}).
   */
  private static final int FLAGS = 8192 /* FLAG_STOPONWARNING */ | 32768 /* FLAG_LIMITSCANS */;

  private static final @Nullable TurboJpeg INSTALLED = load();

  private final Constructor<?> decompressor;
  private final Method decompress;
  private final Method close;
  private final String source;

  private TurboJpeg(Constructor<?> decompressor, Method decompress, Method close, String source) {
    this.decompressor = decompressor;
    this.decompress = decompress;
    this.close = close;
    this.source = source;
  }

  /** The machine's TurboJPEG, or null when it is not installed, does not load, or is turned off. */
  static @Nullable TurboJpeg installed() {
    return INSTALLED;
  }

  /** Provenance of a raster it decoded. */
  String decoder() {
    return "libjpeg-turbo's TurboJPEG (" + source + ")";
  }

  /**
   * The JPEG decoded at the given size, which must be one TurboJPEG can reach by scaling in the DCT
   * (the full size times M/8, rounded up), as {@link BufferedImage#TYPE_INT_RGB}; null when it
   * refuses the file for any reason, including a warning. Thread-safe: one decompressor per call.
   */
  @Nullable BufferedImage decode(byte[] jpeg, int width, int height) {
    Object instance = null;
    try {
      instance = decompressor.newInstance((Object) jpeg);
      BufferedImage image =
          (BufferedImage)
              decompress.invoke(instance, width, height, BufferedImage.TYPE_INT_RGB, FLAGS);
      return image != null && image.getWidth() == width && image.getHeight() == height
          ? image
          : null;
    } catch (InvocationTargetException
        | InstantiationException
        | IllegalAccessException
        | RuntimeException e) {
      return null;
    } finally {
      if (instance != null) {
        try {
          close.invoke(instance);
        } catch (InvocationTargetException | IllegalAccessException | RuntimeException e) {
          // Nothing left to do: the native handle is freed by its finalizer at worst.
        }
      }
    }
  }

  private static @Nullable TurboJpeg load() {
    if (turnedOff()) {
      return null;
    }
    String env = System.getenv("PROMPTLENS_TURBOJPEG_JAR");
    Path jar = Path.of(env == null || env.isBlank() ? DEBIAN_JAR : env);
    if (!Files.isRegularFile(jar)) {
      return null;
    }
    try {
      // Never closed: the native library stays bound to this loader for the life of the JVM.
      @SuppressWarnings("resource")
      URLClassLoader loader =
          new URLClassLoader(new URL[] {jar.toUri().toURL()}, TurboJpeg.class.getClassLoader());
      Class<?> type = Class.forName("org.libjpegturbo.turbojpeg.TJDecompressor", true, loader);
      Constructor<?> constructor = type.getConstructor(byte[].class);
      Method decompress = type.getMethod("decompress", int.class, int.class, int.class, int.class);
      Method close = type.getMethod("close");
      return new TurboJpeg(constructor, decompress, close, jar.toString());
    } catch (ReflectiveOperationException | LinkageError | RuntimeException | IOException e) {
      // Classes without their native library (UnsatisfiedLinkError), another version's API: off.
      return null;
    }
  }

  private static boolean turnedOff() {
    String property = System.getProperty("promptlens.turbojpeg");
    String env = System.getenv("PROMPTLENS_TURBOJPEG");
    return "false".equalsIgnoreCase(property)
        || "0".equals(env)
        || (env != null && "false".equals(env.toLowerCase(Locale.ROOT)));
  }
}
