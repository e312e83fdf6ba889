package io.promptlens.app.system;

import io.promptlens.vision.intake.IntakeLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits ({@code promptlens.intake.*}). The multipart limits are derived from these, so one
 * setting governs both and intake's own check, with its precise message, is the one users meet.
 *
 * @param maxBytes largest accepted image file (default 30MB)
 * @param maxPixels largest accepted width × height declared by the image header (default 100 M)
 * @param analysisLongSide the long side analysis decodes to (default 1600 px)
 */
@ConfigurationProperties("promptlens.intake")
public record IntakeProperties(
    @DefaultValue("30MB") DataSize maxBytes,
    @DefaultValue("100000000") long maxPixels,
    @DefaultValue("1600") int analysisLongSide) {

  public IntakeLimits toLimits() {
    return new IntakeLimits(maxBytes.toBytes(), maxPixels, analysisLongSide);
  }
}
