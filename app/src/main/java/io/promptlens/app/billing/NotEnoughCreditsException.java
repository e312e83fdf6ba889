package io.promptlens.app.billing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 402 problem+json: the workspace's available credits do not cover the price; nothing was done. */
public class NotEnoughCreditsException extends ErrorResponseException {

  private static final HttpStatusCode PAYMENT_REQUIRED = HttpStatus.PAYMENT_REQUIRED;

  NotEnoughCreditsException(long available, long cost, Instant nextGrant) {
    super(PAYMENT_REQUIRED, problem(available, cost, nextGrant), null);
  }

  private static ProblemDetail problem(long available, long cost, Instant nextGrant) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            PAYMENT_REQUIRED,
            "not enough credits: "
                + available
                + " left, this costs "
                + cost
                + "; top up or wait for the monthly grant on "
                + DateTimeFormatter.ISO_LOCAL_DATE.format(nextGrant.atOffset(ZoneOffset.UTC))
                + ".");
    problem.setTitle("Not enough credits");
    problem.setProperty("available", available);
    problem.setProperty("cost", cost);
    problem.setProperty("nextGrant", nextGrant.toString());
    return problem;
  }
}
