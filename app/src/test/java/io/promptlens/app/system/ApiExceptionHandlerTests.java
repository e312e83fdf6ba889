package io.promptlens.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.vision.intake.ImageRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class ApiExceptionHandlerTests {

  @Test
  void eachRejectionReasonHasItsOwnStatus() {
    assertThat(ApiExceptionHandler.statusOf(Reason.EMPTY)).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(ApiExceptionHandler.statusOf(Reason.TOO_LARGE))
        .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(ApiExceptionHandler.statusOf(Reason.UNSUPPORTED_FORMAT))
        .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(ApiExceptionHandler.statusOf(Reason.UNDECODABLE))
        .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
  }

  @Test
  void limitsAreWrittenTheWayPeopleSayThem() {
    assertThat(ApiExceptionHandler.readable(DataSize.ofMegabytes(30))).isEqualTo("30 MB");
    assertThat(ApiExceptionHandler.readable(DataSize.ofKilobytes(256))).isEqualTo("256 KB");
    assertThat(ApiExceptionHandler.readable(DataSize.ofBytes(1000))).isEqualTo("1000 bytes");
  }

  @Test
  void theMultipartLimitsFitAWholeBatchUpload() {
    IntakeProperties intake = new IntakeProperties(DataSize.ofMegabytes(30), 100_000_000L, 1600);

    var multipart =
        new AnalysisConfiguration().multipartConfigElement(intake, DataSize.ofMegabytes(512));

    // One part may be a batch's ZIP; a single image is checked against intake's limit before it
    // is read (ImageUploads), so the larger part limit never lets a large image into memory.
    assertThat(multipart.getMaxFileSize()).isEqualTo(DataSize.ofMegabytes(512).toBytes());
    assertThat(multipart.getMaxRequestSize()).isGreaterThan(multipart.getMaxFileSize());
  }

  @Test
  void withoutBatchesTheMultipartLimitSitsJustAboveTheIntakeLimit() {
    IntakeProperties intake = new IntakeProperties(DataSize.ofMegabytes(30), 100_000_000L, 1600);

    var multipart = new AnalysisConfiguration().multipartConfigElement(intake, DataSize.ofBytes(1));

    assertThat(multipart.getMaxFileSize())
        .isGreaterThan(intake.maxBytes().toBytes())
        .isLessThanOrEqualTo(intake.maxBytes().toBytes() + DataSize.ofMegabytes(1).toBytes());
  }
}
