package io.promptlens.app.analyses;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A multipart request without its {@code image} part; answered as a 400 problem. */
public class MissingImageException extends ErrorResponseException {

  public MissingImageException() {
    super(
        HttpStatus.BAD_REQUEST,
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "No image was sent. Upload it as the multipart field 'image'."),
        null);
  }
}
