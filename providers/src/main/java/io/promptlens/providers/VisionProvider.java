package io.promptlens.providers;

import java.awt.image.BufferedImage;

/**
 * A vision-language model that describes an image as {@link ProviderDescription}. Made by {@link
 * Providers#create(ProviderConfig)}. Implementations are thread-safe: one instance may serve
 * concurrent calls.
 */
public interface VisionProvider {

  /** The provider name used in messages, subjects' source and provenance ("openai"). */
  String name();

  /** The model id this instance asks. */
  String model();

  /**
   * Sends the image and the description schema, retries on 429/408/5xx, repairs one malformed
   * answer, and returns the validated description. Blocks; interruptible.
   *
   * @throws ProviderException with a one-line message when no description could be had
   */
  ProviderDescription describe(PreparedImage image, Cancellation cancellation);

  /** {@link #describe(PreparedImage, Cancellation)} for a decoded sRGB image, not cancellable. */
  default ProviderDescription describe(BufferedImage image) {
    return describe(PreparedImage.of(image), Cancellation.create());
  }
}
