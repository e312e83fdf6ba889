package io.promptlens.app.system;

import java.time.Duration;

/**
 * A bounded resource (the analysis slots) is full and its wait line too: 503 with {@code
 * Retry-After}, answered at once rather than after an unbounded wait.
 */
public final class BusyException extends RuntimeException {

  private final Duration retryAfter;

  public BusyException(Duration retryAfter) {
    super("busy");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
