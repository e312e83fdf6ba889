package io.promptlens.vision;

import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.Focus;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.ImageInfo;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Provenance;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.TextContent;
import io.promptlens.vision.color.ColorAnalyzer;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.intake.ImageIntake;
import io.promptlens.vision.intake.ImageRejectedException;
import io.promptlens.vision.intake.IntakeLimits;
import io.promptlens.vision.light.LightAnalyzer;
import io.promptlens.vision.measure.PixelSample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The vision entry point: bytes in, {@link ImageAnalysis} out. Thread-safe; one instance serves the
 * whole process. The same bytes always give an equal analysis.
 */
public final class ImageAnalyzer {

  /** What this build cannot measure, stated in every analysis rather than left silently empty. */
  static final List<String> NOTES =
      List.of(
          "medium, focus and composition: not measured yet",
          "subjects, scene, people and text: no neural models installed");

  private static final List<Provenance> PROVENANCE =
      List.of(
          new Provenance(
              "vision.intake",
              "1.0",
              "ImageIO with TwelveMonkeys readers; EXIF orientation applied; sRGB, alpha on white"),
          new Provenance(
              "vision.color",
              ColorAnalyzer.VERSION,
              "OKLab k-means palette, xkcd colour names; Hasler-Süsstrunk colourfulness"),
          new Provenance(
              "vision.light",
              LightAnalyzer.VERSION,
              "median luminance in stops from middle gray; std of OKLab L"));

  private final IntakeLimits limits;
  private final ImageIntake intake;
  private final ColorAnalyzer color = new ColorAnalyzer();
  private final LightAnalyzer light = new LightAnalyzer();

  public ImageAnalyzer(IntakeLimits limits) {
    this.limits = limits;
    this.intake = new ImageIntake(limits);
  }

  public ImageAnalyzer() {
    this(IntakeLimits.defaults());
  }

  public IntakeLimits limits() {
    return limits;
  }

  /** Analyses an image held in memory. */
  public ImageAnalysis analyze(byte[] bytes) throws ImageRejectedException {
    return analyze(intake.decode(bytes));
  }

  /** Analyses a file; its size is checked before it is read. */
  public ImageAnalysis analyze(Path file) throws ImageRejectedException, IOException {
    return analyze(intake.decode(file));
  }

  /** Analyses an image intake has already decoded. */
  public ImageAnalysis analyze(DecodedImage image) {
    PixelSample sample = PixelSample.of(image.pixels());
    ColorAnalysis colorAnalysis = color.analyze(sample);
    LightAnalysis lightAnalysis = light.analyze(sample);
    return new ImageAnalysis(
        ImageAnalysis.SCHEMA_VERSION,
        ImageInfo.of(image.width(), image.height(), image.format()),
        colorAnalysis,
        lightAnalysis,
        Medium.unknown(),
        Focus.unknown(),
        Composition.unknown(),
        List.of(),
        Scene.empty(),
        People.none(),
        TextContent.none(),
        NOTES,
        PROVENANCE);
  }
}
