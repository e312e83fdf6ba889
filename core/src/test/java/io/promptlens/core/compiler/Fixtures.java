package io.promptlens.core.compiler;

import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.Contrast;
import io.promptlens.core.analysis.DepthOfField;
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
import io.promptlens.core.analysis.ShotScale;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.SubjectPosition;
import io.promptlens.core.analysis.Temperature;
import io.promptlens.core.analysis.TextContent;
import java.util.List;

/** Analyses with known content for compiler tests. */
final class Fixtures {

  private Fixtures() {}

  /**
   * A warm, vivid, low-key 3:2 photograph of a fox with a three-colour palette. Its medium is given
   * as certain (confidence 1, as a style preset gives it), so the compiler says it.
   */
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

  /**
   * A cool, muted 16:9 night photograph of a woman on the left of a rainy street under a sign that
   * reads "OPEN 24/7", with composition and focus filled as the measured-analysis issue will.
   */
  static ImageAnalysis rainyStreet() {
    return ImageAnalysis.builder()
        .image(ImageInfo.of(1920, 1080, ImageFormat.JPEG))
        .color(
            ColorAnalysis.of(
                false,
                List.of(
                    new PaletteColor("#1B2A41", "midnight blue", 0.45),
                    new PaletteColor("#FF2E88", "neon pink", 0.2),
                    new PaletteColor("#7A8B99", "slate gray", 0.15),
                    new PaletteColor("#F2F2F2", "off-white", 0.05)),
                Temperature.COOL,
                Saturation.MUTED,
                0.05,
                0.8))
        .light(LightAnalysis.of(LightKey.LOW, Contrast.LOW, 0.08, 0.12, 0.85))
        .medium(Medium.of(MediumLabel.PHOTO, 1))
        .focus(Focus.of(0.7, DepthOfField.SHALLOW))
        .composition(Composition.of(SubjectPosition.LEFT_THIRD, ShotScale.MEDIUM))
        .subjects(
            List.of(
                new Subject("woman with an umbrella", 0.85, List.of(0.1, 0.2, 0.25, 0.7), "test")))
        .scene(
            new Scene(
                List.of(
                    new Scene.Label("city street", 0.8, null),
                    new Scene.Label("rain", 0.6, null),
                    new Scene.Label("car", 0.3, null))))
        .people(
            new People(
                1, List.of(new People.Face(List.of(0.15, 0.25, 0.08, 0.1), 0.9, null, null))))
        .text(new TextContent("OPEN 24/7", List.of()))
        .notes(List.of())
        .provenance(List.of())
        .build();
  }

  /** A 2:3 portrait image about which nothing is known: every section empty or unknown. */
  static ImageAnalysis unknownPortrait() {
    return ImageAnalysis.builder()
        .image(ImageInfo.of(800, 1200, ImageFormat.PNG))
        .color(ColorAnalysis.unknown())
        .light(LightAnalysis.unknown())
        .medium(Medium.unknown())
        .focus(Focus.unknown())
        .composition(Composition.unknown())
        .subjects(List.of())
        .scene(Scene.empty())
        .people(People.none())
        .text(TextContent.none())
        .notes(List.of("nothing analysed"))
        .provenance(List.of())
        .build();
  }

  static ImageAnalysis analysis(
      int width,
      int height,
      boolean grayscale,
      List<PaletteColor> palette,
      List<Subject> subjects) {
    return ImageAnalysis.builder()
        .image(ImageInfo.of(width, height, ImageFormat.JPEG))
        .color(
            ColorAnalysis.of(
                grayscale,
                palette,
                grayscale ? Temperature.NEUTRAL : Temperature.WARM,
                grayscale ? Saturation.MUTED : Saturation.VIVID,
                grayscale ? 0 : 0.15,
                0.9))
        .light(LightAnalysis.of(LightKey.LOW, Contrast.HIGH, 0.12, 0.3, 0.9))
        .medium(Medium.of(MediumLabel.PHOTO, 1))
        .focus(Focus.unknown())
        .composition(Composition.unknown())
        .subjects(subjects)
        .scene(Scene.empty())
        .people(People.none())
        .text(TextContent.none())
        .notes(List.of())
        .provenance(List.of())
        .build();
  }

  /** The analysis with these light cues (backlit, silhouette, hardness, time of day). */
  static ImageAnalysis withCues(
      ImageAnalysis analysis,
      Boolean backlit,
      Boolean silhouette,
      io.promptlens.core.analysis.LightHardness hardness,
      io.promptlens.core.analysis.TimeOfDay time,
      Double timeConfidence,
      Double backlitConfidence,
      Double silhouetteConfidence) {
    io.promptlens.core.analysis.LightAnalysis l = analysis.light();
    return analysis.toBuilder()
        .light(
            new io.promptlens.core.analysis.LightAnalysis(
                l.key(),
                l.contrast(),
                l.meanLuminance(),
                l.rmsContrast(),
                l.confidence(),
                null,
                null,
                null,
                backlit,
                silhouette,
                null,
                hardness,
                time,
                timeConfidence,
                backlitConfidence,
                silhouetteConfidence))
        .build();
  }
}
