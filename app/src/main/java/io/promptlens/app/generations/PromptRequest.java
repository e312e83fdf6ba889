package io.promptlens.app.generations;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * JSON body of {@code POST /api/v1/prompts} for an image analysed before, e.g. to try another
 * target without uploading again. {@code analysisId} is a string so a malformed id gets a message
 * about the id rather than about JSON.
 */
record PromptRequest(
    @Nullable String analysisId,
    @Nullable String target,
    @Nullable String mode,
    @Nullable ControlsRequest controls) {

  UUID requireAnalysisId() {
    if (analysisId == null || analysisId.isBlank()) {
      throw new InvalidPromptRequestException(
          "analysisId is required (or upload the image as multipart field 'image')");
    }
    try {
      return UUID.fromString(analysisId.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidPromptRequestException(
          "analysisId '" + analysisId + "' is not a valid id (expected a UUID)");
    }
  }

  ControlsRequest controlsOrNone() {
    return controls == null ? ControlsRequest.none() : controls;
  }
}
