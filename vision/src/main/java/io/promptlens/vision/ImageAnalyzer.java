package io.promptlens.vision;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.vision.intake.ImageRejectedException;
import io.promptlens.vision.intake.IntakeLimits;
import java.nio.file.Path;

/**
 * The vision entry point: bytes in, {@link ImageAnalysis} out. Thread-safe; one instance serves the
 * whole process.
 */
public final class ImageAnalyzer {

  private final IntakeLimits limits;

  public ImageAnalyzer(IntakeLimits limits) {
    this.limits = limits;
  }

  public ImageAnalyzer() {
    this(IntakeLimits.defaults());
  }

  public IntakeLimits limits() {
    return limits;
  }

  /** Analyses an image held in memory. */
  public ImageAnalysis analyze(byte[] bytes) throws ImageRejectedException {
    throw new UnsupportedOperationException("TODO");
  }

  /** Analyses a file; its size is checked before it is read. */
  public ImageAnalysis analyze(Path file) throws ImageRejectedException, java.io.IOException {
    throw new UnsupportedOperationException("TODO");
  }
}
