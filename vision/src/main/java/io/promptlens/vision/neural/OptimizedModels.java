package io.promptlens.vision.neural;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where ONNX Runtime's optimised form of a model is kept, so graph optimisation (fusions and the
 * CPU layout transform, 60–75 % of a session's load time) is paid once per machine instead of once
 * per process. The file lives in a hidden {@value #DIR} folder beside the model, named after the
 * model's sha256 and a key of this runtime and CPU: ONNX Runtime warns that a fully optimised model
 * "may contain hardware specific optimizations" (the NCHWc block size follows the vector width), so
 * a store copied to another machine, a new runtime or a changed model never reuses a stale file.
 *
 * <p>Safe when several processes start at once: each writes its own temporary file and moves it
 * into place atomically (the last one wins; both are the same bytes). A cache that cannot be
 * written only costs the optimisation again. Stateless.
 */
final class OptimizedModels {

  /** The cache folder's name, beside each model file. */
  static final String DIR = ".optimized";

  /** The system property that turns the cache off ({@code false}), e.g. to time a cold load. */
  static final String PROPERTY = "promptlens.onnx.cache";

  private static final String KEY = machineKey();

  private OptimizedModels() {}

  /** Whether the cache is in use in this process. */
  static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"));
  }

  /** The cached optimised form of {@code model} (which may not exist yet). */
  static Path cached(Path model, String sha256) {
    String base = model.getFileName().toString().replaceFirst("\\.onnx$", "");
    String hash = sha256 == null ? "nohash" : sha256.substring(0, Math.min(16, sha256.length()));
    return model.resolveSibling(DIR).resolve(base + "-" + hash + "-" + KEY + ".onnx");
  }

  /** A fresh temporary name beside {@code cached}, unique to this process and call. */
  static Path temporary(Path cached) throws IOException {
    Files.createDirectories(cached.getParent());
    return Files.createTempFile(cached.getParent(), cached.getFileName().toString(), ".tmp");
  }

  /** Moves a finished temporary file into place; false (and the file removed) when it cannot. */
  static boolean publish(Path temporary, Path cached) {
    try {
      if (Files.size(temporary) == 0) {
        return false;
      }
      try {
        Files.move(
            temporary, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, cached, StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException e) {
      return false;
    } finally {
      discard(temporary);
    }
  }

  /** Removes a temporary file, if there is one. */
  static void discard(@Nullable Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException ignored) {
      // A stray temporary file is harmless: it never has the cached name.
    }
  }

  /**
   * 12 hex digits of sha256 over the ONNX Runtime version, the OS, the architecture and, on Linux,
   * the CPU's model name and feature flags.
   */
  private static String machineKey() {
    StringBuilder s = new StringBuilder();
    s.append(ai.onnxruntime.OrtEnvironment.class.getPackage().getImplementationVersion())
        .append('|')
        .append(System.getProperty("os.name"))
        .append('|')
        .append(System.getProperty("os.arch"));
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          break; // the first processor describes them all
        }
        String l = line.toLowerCase(Locale.ROOT);
        if (l.startsWith("model name") || l.startsWith("flags") || l.startsWith("features")) {
          s.append('|').append(line);
        }
      }
    } catch (IOException | RuntimeException e) {
      s.append("|unknown cpu");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
