package io.promptlens.vision.intake;

import org.jspecify.annotations.Nullable;

/**
 * An input that intake refuses. The message is one plain line fit to show a user (no class names,
 * no stack trace); {@link #reason()} lets callers map it to an exit code or HTTP status.
 */
public final class ImageRejectedException extends Exception {

  /** Why an input was refused. */
  public enum Reason {
    /** The input has no bytes. */
    EMPTY,
    /** The file, or the pixel count its header declares, is over the configured limit. */
    TOO_LARGE,
    /** Not an image, or an image format PromptLens does not read. */
    UNSUPPORTED_FORMAT,
    /** A supported format whose data is truncated or corrupt. */
    UNDECODABLE
  }

  private final Reason reason;

  public ImageRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ImageRejectedException(Reason reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
