package io.promptlens.core.compiler;

import io.promptlens.core.analysis.CameraAngle;
import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.Focus;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.analysis.TimeOfDay;
import io.promptlens.core.compiler.Phrase.Role;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The finer measured facts as the words image models know: "bokeh", "motion blur", "film grain",
 * "golden hour light", "backlit", "sepia tone", "low angle"... Each is said only when its analyzer
 * committed to it with a confidence at or above its kind's row in {@link StatementThresholds};
 * unknown stays unsaid. Their priorities sit below subject, medium, palette and key, so a short
 * prompt keeps those first.
 */
final class MeasuredTerms {

  private static final StatementThresholds THRESHOLDS = PhraseExtractor.THRESHOLDS;

  private MeasuredTerms() {}

  /**
   * The confidence of a measured sepia call. The hue test gives a yes or no, not a probability, and
   * the colour analysis' own confidence is about its palette (1 for any clean image), so the call
   * counts as a coin toss against its row.
   */
  static final double SEPIA_CALL = 0.5;

  /** The confidence of a measured light hardness: like sepia, a yes or no, so a coin toss. */
  static final double HARDNESS_CALL = 0.5;

  /**
   * The widest hue angle between named palette colours that "monochromatic" allows. The measured
   * monochrome weighs hues by chroma and leaves out faint ones, so a desert under a pale blue sky
   * passes it while its palette names a brown and a blue: colours in opposite quadrants of the hue
   * circle are two hues, whatever the weights. On the eval images and 290 fresh landscape
   * photographs the palettes of measured monochromes fell apart at this angle: 0 to 67 degrees, or
   * 127 and more.
   */
  static final double MONOCHROME_SPREAD = 90;

  /** Colour, light and medium-style terms: part of the look, always considered. */
  static void addLook(ImageAnalysis analysis, boolean setting, List<Phrase> phrases) {
    ColorAnalysis color = analysis.color();
    if (Boolean.TRUE.equals(color.sepia()) && THRESHOLDS.says(Statement.SEPIA, SEPIA_CALL)) {
      phrases.add(new Phrase("sepia tone", Role.TONE, 75, "color.sepia"));
    } else if (Boolean.TRUE.equals(color.duotone())) {
      phrases.add(new Phrase("duotone", Role.TONE, 70, "color.duotone"));
    } else if (Boolean.TRUE.equals(color.monochrome())
        && !color.grayscale()
        && ColourWords.hueSpread(color.palette(), PhraseExtractor.MIN_PALETTE_SHARE)
            <= MONOCHROME_SPREAD
        && !multicoloured(analysis)) {
      phrases.add(new Phrase("monochromatic", Role.TONE, 60, "color.monochrome"));
    }
    LightAnalysis light = analysis.light();
    // Light on a subject and the time of day belong to a place; a page or a flat graphic has
    // neither.
    if (!setting) {
      addStyles(analysis, phrases);
      return;
    }
    if (Boolean.TRUE.equals(light.silhouette())
        && THRESHOLDS.says(Statement.SILHOUETTE, light.silhouetteConfidence())) {
      phrases.add(new Phrase("silhouette", Role.LIGHT, 58, "light.silhouette"));
    } else if (Boolean.TRUE.equals(light.backlit())
        && THRESHOLDS.says(Statement.BACKLIT, light.backlitConfidence())) {
      phrases.add(new Phrase("backlit", Role.LIGHT, 52, "light.backlit"));
    }
    TimeOfDay time = light.timeOfDay();
    if (time != null
        && THRESHOLDS.says(StatementThresholds.timeOfDay(time), light.timeOfDayConfidence())) {
      String text =
          switch (time) {
            case GOLDEN_HOUR -> "golden hour light";
            case NIGHT -> "night lighting";
            case BLUE_HOUR -> "blue hour light";
          };
      phrases.add(new Phrase(text, Role.LIGHT, 54, "light.timeOfDay"));
    }
    if (light.hardness() != null && THRESHOLDS.says(Statement.LIGHT_HARDNESS, HARDNESS_CALL)) {
      phrases.add(new Phrase(light.hardness() + " light", Role.LIGHT, 40, "light.hardness"));
    }
    addStyles(analysis, phrases);
  }

  /**
   * Whether the described main form or its background spans colours of several families
   * (SubjectDescriber's "multicoloured"): the picture is then not monochromatic to a viewer,
   * whatever the chroma-weighted hue harmony says of it (a ladybug's red and black on white, a
   * penguin's yellow beak, 15 of 1,049 prompts said both on 2026-12-06).
   */
  private static boolean multicoloured(ImageAnalysis analysis) {
    String described = SubjectNaming.of(analysis).described();
    return described != null && described.contains("multicoloured");
  }

  /** Style traits ("line art") qualify a medium: said only where the medium itself is. */
  private static void addStyles(ImageAnalysis analysis, List<Phrase> phrases) {
    if (!THRESHOLDS.says(
        StatementThresholds.medium(analysis.medium().label()), analysis.medium().confidence())) {
      return;
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
    if (Boolean.TRUE.equals(focus.bokeh())
        && THRESHOLDS.says(Statement.BOKEH, focus.bokehConfidence())) {
      phrases.add(new Phrase("bokeh", Role.CAMERA, 46, "focus.bokeh"));
    }
    if (Boolean.TRUE.equals(focus.motionBlur())
        && THRESHOLDS.says(Statement.MOTION_BLUR, focus.motionConfidence())) {
      phrases.add(new Phrase("motion blur", Role.CAMERA, 44, "focus.motionBlur"));
    }
    if (Boolean.TRUE.equals(focus.grain())
        && THRESHOLDS.says(Statement.GRAIN, focus.grainConfidence())) {
      phrases.add(new Phrase("film grain", Role.CAMERA, 30, "focus.grain"));
    }
    if (Boolean.TRUE.equals(focus.vignette())) {
      phrases.add(new Phrase("vignette", Role.CAMERA, 28, "focus.vignette"));
    }
    Composition composition = analysis.composition();
    CameraAngle angle = composition.cameraAngle();
    // Eye level is the default every model assumes; only a departure from it is worth words.
    if (angle != null
        && angle != CameraAngle.EYE_LEVEL
        && THRESHOLDS.says(Statement.CAMERA_ANGLE, composition.cameraAngleConfidence())) {
      String text = angle == CameraAngle.TOP_DOWN ? "top-down view" : angle + " shot";
      phrases.add(new Phrase(text, Role.CAMERA, 42, "composition.cameraAngle"));
    }
    if (Boolean.TRUE.equals(composition.leadingLines())
        && THRESHOLDS.says(Statement.LEADING_LINES, composition.leadingLinesConfidence())) {
      phrases.add(new Phrase("leading lines", Role.CAMERA, 31, "composition.leadingLines"));
    }
  }

  private static String lower(@Nullable String text) {
    return Texts.clean(text).toLowerCase(Locale.ROOT);
  }
}
