package io.promptlens.app.analyses;

import io.promptlens.engine.AnalysisEngine;
import io.promptlens.vision.intake.ImageRejectedException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded bytes in, an analysis ready to store out. Nothing is written here, so callers decide
 * what goes into one transaction, and a rejected upload cannot leave a row behind.
 */
@Component
public class ImageUploads {

  private final AnalysisEngine engine;
  private final AnalysisSlots slots;
  private final Clock clock;

  ImageUploads(AnalysisEngine engine, AnalysisSlots slots, Clock clock) {
    this.engine = engine;
    this.slots = slots;
    this.clock = clock;
  }

  /** An analysis by the local engine alone: the image goes to no provider. */
  public StoredAnalysis analyze(@Nullable MultipartFile image) throws ImageRejectedException {
    return analyze(image, false, false).analysis();
  }

  /**
   * @param thumbnail keep the decoded pixels so that {@link Upload#thumbnail(boolean)} can make a
   *     small re-encoded JPEG of the image ({@link Thumbnails}) once the caller knows whether it is
   *     to be blurred
   * @param visionProvider the workspace enabled the vision-language provider: only then do the
   *     pixels go to it
   */
  public Upload analyze(@Nullable MultipartFile image, boolean thumbnail, boolean visionProvider)
      throws ImageRejectedException {
    if (image == null) {
      throw new MissingImageException();
    }
    long limit = engine.limits().maxBytes();
    if (image.getSize() > limit) {
      // Checked before the part is read into memory: the multipart limit is as large as a whole
      // batch upload, so it no longer stops a single oversized image.
      throw new ImageRejectedException(
          ImageRejectedException.Reason.TOO_LARGE,
          "The image is too large: the limit is "
              + (limit % (1024 * 1024) == 0
                  ? limit / (1024 * 1024) + " MB."
                  : (limit + 1023) / 1024 + " KB."));
    }
    byte[] bytes;
    try {
      bytes = image.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the uploaded image", e);
    }
    return stored(slots.run(() -> engine.analyze(bytes, visionProvider)), bytes, thumbnail);
  }

  /**
   * Analyses bytes for a batch worker. Not through the request slots: workers are bounded by their
   * own concurrency ({@code promptlens.workers.concurrency}), and a busy web tier must not fail a
   * queued item.
   *
   * @param visionProvider the workspace enabled the vision-language provider, as for an upload
   */
  public Upload analyzeQueued(byte[] bytes, boolean thumbnail, boolean visionProvider)
      throws ImageRejectedException {
    return stored(engine.analyze(bytes, visionProvider), bytes, thumbnail);
  }

  /** The upload as it is stored: a fresh id, the image's hash and the time to the microsecond. */
  private Upload stored(AnalysisEngine.Analysed analysed, byte[] bytes, boolean thumbnail) {
    StoredAnalysis stored =
        new StoredAnalysis(
            UUID.randomUUID(),
            analysed.analysis(),
            sha256(bytes),
            clock.instant().truncatedTo(ChronoUnit.MICROS));
    return new Upload(stored, thumbnail ? analysed.image().pixels() : null);
  }

  /** Whether a vision-language provider is configured (an analysis with it costs more). */
  public boolean providerConfigured() {
    return engine.hasProvider();
  }

  /** An analysed upload and, when a thumbnail was asked for, the decoded pixels to make it from. */
  public record Upload(StoredAnalysis analysis, @Nullable BufferedImage pixels) {

    /**
     * @param blurred blur it past recognition ({@link Thumbnails#blurredJpeg}) before it is encoded
     * @return the thumbnail, or null when none was asked for
     */
    public byte @Nullable [] thumbnail(boolean blurred) {
      if (pixels == null) {
        return null;
      }
      return blurred ? Thumbnails.blurredJpeg(pixels) : Thumbnails.jpeg(pixels);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
