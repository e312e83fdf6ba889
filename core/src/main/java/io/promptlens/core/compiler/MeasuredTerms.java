package io.promptlens.core.compiler;

import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.Focus;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.compiler.Phrase.Role;
import java.util.List;
import java.util.Locale;

/**
 * The finer measured facts as the words image models know: "bokeh", "motion blur", "film grain",
 * "golden hour light", "backlit", "sepia tone", "low angle"... Each is said only when its analyzer
 * committed to it (a true flag, or a label with enough confidence); unknown stays unsaid. Their
 * priorities sit below subject, medium, palette and key, so a short prompt keeps those first.
 */
final class MeasuredTerms {

  /** A label that carries its own confidence is used from this confidence on. */
  static final double MIN_CONFIDENCE = 0.6;

  private MeasuredTerms() {}

  /** Colour, light and medium-style terms: part of the look, always considered. */
  static void addLook(ImageAnalysis analysis, List<Phrase> phrases) {
    ColorAnalysis color = analysis.color();
    if (Boolean.TRUE.equals(color.sepia())) {
      phrases.add(new Phrase("sepia tone", Role.TONE, 75, "color.sepia"));
    } else if (Boolean.TRUE.equals(color.duotone())) {
      phrases.add(new Phrase("duotone", Role.TONE, 70, "color.duotone"));
    } else if (Boolean.TRUE.equals(color.monochrome()) && !color.grayscale()) {
      phrases.add(new Phrase("monochromatic", Role.TONE, 60, "color.monochrome"));
    }
    LightAnalysis light = analysis.light();
    if (Boolean.TRUE.equals(light.silhouette())) {
      phrases.add(new Phrase("silhouette", Role.LIGHT, 58, "light.silhouette"));
    } else if (Boolean.TRUE.equals(light.backlit())) {
      phrases.add(new Phrase("backlit", Role.LIGHT, 52, "light.backlit"));
    }
    String time = lower(light.timeOfDay());
    if (!time.isEmpty() && confident(light.timeOfDayConfidence())) {
      String text =
          switch (time) {
            case "golden hour" -> "golden hour light";
            case "night" -> "night lighting";
            case "blue hour" -> "blue hour light";
            default -> time;
          };
      phrases.add(new Phrase(text, Role.LIGHT, 54, "light.timeOfDay"));
    }
    String hardness = lower(light.hardness());
    if (hardness.equals("hard") || hardness.equals("soft")) {
      phrases.add(new Phrase(hardness + " light", Role.LIGHT, 40, "light.hardness"));
    }
    List<String> styles = analysis.medium().styles();
    for (int i = 0; styles != null && i < styles.size(); i++) {
      String style = Texts.clean(styles.get(i));
      if (!style.isEmpty()) {
        phrases.add(new Phrase(style, Role.MEDIUM, 85, "medium.styles[" + i + "]"));
      }
    }
  }

  /** Lens and framing terms: said only when the camera-terms control is on. */
  static void addCamera(ImageAnalysis analysis, List<Phrase> phrases) {
    Focus focus = analysis.focus();
    if (Boolean.TRUE.equals(focus.bokeh())) {
      phrases.add(new Phrase("bokeh", Role.CAMERA, 46, "focus.bokeh"));
    }
    if (Boolean.TRUE.equals(focus.motionBlur())
        && (focus.motionConfidence() == null || confident(focus.motionConfidence()))) {
      phrases.add(new Phrase("motion blur", Role.CAMERA, 44, "focus.motionBlur"));
    }
    if (Boolean.TRUE.equals(focus.grain())) {
      phrases.add(new Phrase("film grain", Role.CAMERA, 30, "focus.grain"));
    }
    if (Boolean.TRUE.equals(focus.vignette())) {
      phrases.add(new Phrase("vignette", Role.CAMERA, 28, "focus.vignette"));
    }
    Composition composition = analysis.composition();
    String angle = lower(composition.cameraAngle());
    // Eye level is the default every model assumes; only a departure from it is worth words.
    if (!angle.isEmpty()
        && !angle.equals("eye level")
        && confident(composition.cameraAngleConfidence())) {
      String text = angle.equals("top-down") ? "top-down view" : angle + " shot";
      phrases.add(new Phrase(text, Role.CAMERA, 42, "composition.cameraAngle"));
    }
    if (Boolean.TRUE.equals(composition.leadingLines())
        && confident(composition.leadingLinesConfidence())) {
      phrases.add(new Phrase("leading lines", Role.CAMERA, 31, "composition.leadingLines"));
    }
  }

  private static boolean confident(Double confidence) {
    return confidence != null && confidence >= MIN_CONFIDENCE;
  }

  private static String lower(String text) {
    return Texts.clean(text).toLowerCase(Locale.ROOT);
  }
}
