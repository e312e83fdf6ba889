package io.promptlens.app.system;

import io.promptlens.core.compiler.UnknownTargetException;
import io.promptlens.providers.ProviderException;
import io.promptlens.vision.intake.ImageRejectedException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into an RFC 9457 problem ({@code application/problem+json}) whose detail a
 * person can act on. Spring's own exceptions keep the statuses the base class gives them; only the
 * details that would otherwise leak parser internals are rewritten. Nothing here ever puts an
 * exception class name or a stack trace in a response: unexpected failures are logged and answered
 * with a generic 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final IntakeProperties intake;

  ApiExceptionHandler(IntakeProperties intake) {
    this.intake = intake;
  }

  /** Intake's message already says what is wrong with the file; the reason picks the status. */
  @ExceptionHandler(ImageRejectedException.class)
  ProblemDetail imageRejected(ImageRejectedException rejected) {
    return problem(statusOf(rejected.reason()), rejected.getMessage());
  }

  /**
   * The provider's failure is ours to report but not the client's fault: 502, or 504 when it did
   * not answer in time. Provider messages are one line and never contain the key.
   */
  @ExceptionHandler(ProviderException.class)
  ProblemDetail providerFailed(ProviderException failure) {
    HttpStatus status =
        failure.reason() == ProviderException.Reason.TIMEOUT
            ? HttpStatus.GATEWAY_TIMEOUT
            : HttpStatus.BAD_GATEWAY;
    return problem(status, failure.getMessage());
  }

  /** Every analysis slot is taken: come back shortly, rather than wait in an unbounded line. */
  @ExceptionHandler(BusyException.class)
  ResponseEntity<ProblemDetail> busy(BusyException busy) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, busy.retryAfter().toSeconds())))
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Every analysis slot is busy right now. Retry after a few seconds."));
  }

  /**
   * The database is unreachable (stopped, restarting, network gone): nothing was stored, and the
   * pool reconnects by itself when it is back, so the answer is "retry", not a 500.
   */
  @ExceptionHandler({
    org.springframework.dao.DataAccessResourceFailureException.class,
    org.springframework.transaction.CannotCreateTransactionException.class,
    org.springframework.dao.TransientDataAccessException.class
  })
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception failure) {
    log.warn("Database unavailable: {}", failure.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Our database is unavailable for a moment; nothing was saved. Retry shortly."));
  }

  @ExceptionHandler(UnknownTargetException.class)
  ProblemDetail unknownTarget(UnknownTargetException unknown) {
    return problem(HttpStatus.BAD_REQUEST, unknown.getMessage());
  }

  /** Nothing was stored: the transaction that would have sent the mail rolled back. */
  @ExceptionHandler(Mailer.MailFailedException.class)
  ProblemDetail mailFailed(Mailer.MailFailedException failure) {
    log.warn("Mail could not be sent", failure);
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "We could not send the mail just now, so nothing was saved. Please try again shortly.");
  }

  /**
   * A multipart body that does not parse (no closing boundary, a broken header): the client's
   * mistake, not ours. The size limit has its own handler below.
   */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ProblemDetail malformedMultipart(org.springframework.web.multipart.MultipartException failure) {
    if (failure instanceof MaxUploadSizeExceededException) {
      return problem(
          HttpStatus.CONTENT_TOO_LARGE,
          "The image is too large: the limit is " + readable(intake.maxBytes()) + ".");
    }
    return problem(
        HttpStatus.BAD_REQUEST,
        "The multipart body could not be read: send the image as a multipart/form-data part.");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception failure) {
    // The same rule as DatabaseUnavailableFilter: a lost database anywhere in the cause chain
    // (a broken pooled connection surfaces as other types than the three above) is a 503.
    if (DatabaseUnavailableFilter.databaseUnavailable(failure)) {
      return databaseUnavailable(failure);
    }
    log.error("Request failed unexpectedly", failure);
    return ResponseEntity.internalServerError()
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Please try again; if it keeps happening, report it."));
  }

  /** The container refused a request far over the limit before intake could look at it. */
  @Override
  protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail body =
        problem(
            HttpStatus.CONTENT_TOO_LARGE,
            "The image is too large: the limit is " + readable(intake.maxBytes()) + ".");
    return handleExceptionInternal(ex, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
  }

  /** The default detail quotes the JSON parser, class names included. */
  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail body =
        problem(
            HttpStatus.BAD_REQUEST,
            "The request body is not valid JSON for this endpoint (or a field has the wrong type).");
    return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** The default names the static-resource lookup that failed; callers asked for an endpoint. */
  @Override
  protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail body =
        problem(
            HttpStatus.NOT_FOUND, "Nothing here: /" + ex.getResourcePath() + " does not exist.");
    return handleExceptionInternal(ex, body, headers, HttpStatus.NOT_FOUND, request);
  }

  /** A path or query value of the wrong type, in practice an id that is not a UUID. */
  @Override
  protected @Nullable ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
    String expected =
        UUID.class.equals(ex.getRequiredType()) ? "a UUID" : "a value of the right type";
    ProblemDetail body =
        problem(
            HttpStatus.BAD_REQUEST,
            "'" + ex.getValue() + "' is not a valid " + name + " (expected " + expected + ").");
    return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
  }

  static HttpStatus statusOf(ImageRejectedException.Reason reason) {
    return switch (reason) {
      // An empty upload is a malformed request, not an image we failed to read.
      case EMPTY -> HttpStatus.BAD_REQUEST;
      case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
      case UNSUPPORTED_FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case UNDECODABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
    };
  }

  static String readable(DataSize size) {
    long bytes = size.toBytes();
    if (bytes % (1024 * 1024) == 0) {
      return size.toMegabytes() + " MB";
    }
    if (bytes % 1024 == 0) {
      return size.toKilobytes() + " KB";
    }
    return bytes + " bytes";
  }

  private static ProblemDetail problem(HttpStatus status, @Nullable String detail) {
    return ProblemDetail.forStatusAndDetail(status, detail);
  }
}
