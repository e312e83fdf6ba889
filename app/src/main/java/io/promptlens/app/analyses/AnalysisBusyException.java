package io.promptlens.app.analyses;

import java.time.Duration;

/** Every analysis slot is taken and the wait line is full: 503 with {@code Retry-After}. */
public final class AnalysisBusyException extends RuntimeException {

  private final Duration retryAfter;

  AnalysisBusyException(Duration retryAfter) {
    super("every analysis slot is busy");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
