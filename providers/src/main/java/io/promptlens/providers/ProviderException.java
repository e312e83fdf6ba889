package io.promptlens.providers;

import org.jspecify.annotations.Nullable;

/**
 * A provider call that did not produce a description. The message is one line fit for a user
 * ("openai: authentication failed (401): check OPENAI_API_KEY"), starts with the provider name and
 * never contains the API key; {@link #reason()} lets callers map failures to exit codes or HTTP
 * statuses in one place.
 */
public final class ProviderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the call failed. */
  public enum Reason {
    /**
     * 401 or 403, or Gemini's 400 with API_KEY_INVALID: the key is missing, wrong or lacks rights.
     */
    AUTHENTICATION,
    /** 429 after every retry, a Retry-After longer than the cap, or an exhausted quota. */
    RATE_LIMITED,
    /** 400 or 422: the service refused the request (unknown parameter, unsupported schema...). */
    BAD_REQUEST,
    /** 404: a wrong model name or base URL. */
    NOT_FOUND,
    /** 5xx after every retry, or a success status whose body is not the documented shape. */
    SERVER,
    /** No complete response within the configured timeout. */
    TIMEOUT,
    /** The server could not be reached (refused, reset, DNS). */
    CONNECTION,
    /** The model's answer was not valid description JSON, even after the one repair request. */
    MALFORMED_REPLY,
    /** The model or the service's safety filter declined to describe the image. */
    REFUSED,
    /** The caller cancelled or interrupted the call. */
    CANCELLED
  }

  private final Reason reason;
  private final int status;

  public ProviderException(Reason reason, int status, String message) {
    super(message);
    this.reason = reason;
    this.status = status;
  }

  public ProviderException(Reason reason, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.status = 0;
  }

  public Reason reason() {
    return reason;
  }

  /** The last HTTP status seen, or 0 when none was received. */
  public int status() {
    return status;
  }
}
