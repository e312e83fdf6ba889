package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.providers.ProviderException;
import io.promptlens.vision.intake.ImageRejectedException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The one-line reason a failed input is reported with: never the word "null". */
class ImageBatchTest {

  @Test
  void aRefusalIsReportedInItsOwnWords() {
    var refused =
        new ImageRejectedException(ImageRejectedException.Reason.EMPTY, "the file is empty");

    assertThat(ImageBatch.reason(refused)).isEqualTo("the file is empty");
  }

  @Test
  void aRefusalWithoutAMessageStillSaysWhatHappened() {
    var refused = new ImageRejectedException(ImageRejectedException.Reason.UNDECODABLE, null);
    var providerFailure = new ProviderException(ProviderException.Reason.BAD_REQUEST, 400, null);

    assertThat(ImageBatch.reason(refused)).isEqualTo("rejected");
    assertThat(ImageBatch.reason(providerFailure)).isEqualTo("the provider failed");
  }

  @Test
  void anUnreadableFileWithoutAMessageIsOnlySaidToBeUnreadable() {
    assertThat(ImageBatch.reason(new IOException())).isEqualTo("could not be read");
  }
}
