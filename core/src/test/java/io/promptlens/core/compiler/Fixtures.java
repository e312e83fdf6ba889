package io.promptlens.core.compiler;

import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.Contrast;
import io.promptlens.core.analysis.Focus;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.ImageFormat;
import io.promptlens.core.analysis.ImageInfo;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Saturation;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.Temperature;
import io.promptlens.core.analysis.TextContent;
import java.util.List;

/** Analyses with known content for compiler tests. */
final class Fixtures {

  private Fixtures() {}

  /** A warm, vivid, low-key 3:2 photograph of a fox with a three-colour palette. */
  static ImageAnalysis warmFox() {
    return analysis(
        6000,
        4000,
        false,
        List.of(
            new PaletteColor("#CC5500", "burnt orange", 0.5),
            new PaletteColor("#001F5B", "navy blue", 0.3),
            new PaletteColor("#FFFDD0", "cream", 0.2)),
        List.of(new Subject("red fox", 0.9, List.of(0.3, 0.3, 0.4, 0.4), "test")));
  }

  static ImageAnalysis analysis(
      int width,
      int height,
      boolean grayscale,
      List<PaletteColor> palette,
      List<Subject> subjects) {
    return new ImageAnalysis(
        ImageAnalysis.SCHEMA_VERSION,
        ImageInfo.of(width, height, ImageFormat.JPEG),
        new ColorAnalysis(
            grayscale,
            palette,
            grayscale ? Temperature.NEUTRAL : Temperature.WARM,
            grayscale ? Saturation.MUTED : Saturation.VIVID,
            grayscale ? 0 : 0.15,
            0.9),
        new LightAnalysis(LightKey.LOW, Contrast.HIGH, 0.12, 0.3, 0.9),
        new Medium(MediumLabel.PHOTO, 0.8),
        Focus.unknown(),
        Composition.unknown(),
        subjects,
        Scene.empty(),
        People.none(),
        TextContent.none(),
        List.of(),
        List.of());
  }
}
