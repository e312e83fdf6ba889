package io.promptlens.app.support;

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
import io.promptlens.core.analysis.Safety;
import io.promptlens.core.analysis.Saturation;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.Temperature;
import io.promptlens.core.analysis.TextContent;
import java.util.List;
import java.util.Map;

/** Hand-made analyses with known content, for tests that need no image. */
public final class TestAnalyses {

  private TestAnalyses() {}

  /** An 800 × 600 photo with the given findings. */
  public static ImageAnalysis of(
      Composition composition,
      List<Subject> subjects,
      People people,
      TextContent text,
      Safety safety) {
    return ImageAnalysis.builder()
        .image(ImageInfo.of(800, 600, ImageFormat.PNG))
        .color(
            ColorAnalysis.of(
                false,
                List.of(new PaletteColor("#D93A2B", "red", 1.0)),
                Temperature.WARM,
                Saturation.VIVID,
                0.1,
                1))
        .light(LightAnalysis.of(LightKey.MID, Contrast.MEDIUM, 0.5, 0.2, 1))
        .medium(Medium.of(MediumLabel.PHOTO, 1))
        .focus(Focus.unknown())
        .composition(composition)
        .subjects(subjects)
        .scene(Scene.empty())
        .people(people)
        .text(text)
        .notes(List.of())
        .provenance(List.of())
        .safety(safety)
        .build();
  }

  /** Nothing found, and the safety classifier's verdict. */
  public static ImageAnalysis withSafety(String verdict) {
    return of(
        Composition.of(
            io.promptlens.core.analysis.SubjectPosition.CENTER,
            io.promptlens.core.analysis.ShotScale.MEDIUM),
        List.of(),
        People.none(),
        TextContent.none(),
        new Safety(verdict, 0.9, 0.1, Map.of(verdict, 0.9), "test"));
  }
}
