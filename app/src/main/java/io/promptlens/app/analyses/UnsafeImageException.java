package io.promptlens.app.analyses;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A workspace that refuses marked images got one: 422, and nothing was stored. */
public class UnsafeImageException extends ErrorResponseException {

  public UnsafeImageException(String verdict) {
    super(
        HttpStatus.UNPROCESSABLE_CONTENT,
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "The safety check marks this image as "
                + verdict
                + " content, and this workspace refuses such images. Nothing was stored; an"
                + " owner or admin can change the workspace's safety setting."),
        null);
  }
}
