package io.promptlens.core.compiler;

import io.promptlens.core.analysis.DepthOfField;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.ShotScale;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.SubjectCategory;
import io.promptlens.core.analysis.SubjectPosition;
import io.promptlens.core.compiler.Phrase.Role;
import java.util.List;

/**
 * Shot scale, depth of field and composition terms, from the composition and focus sections; where
 * the composition has no subject position, the main subject's box says whether it is centred.
 * Nothing is said about lenses or cameras the analysis cannot know.
 */
final class CameraTerms {

  private CameraTerms() {}

  static void add(ImageAnalysis analysis, List<Phrase> phrases) {
    ShotScale scale = analysis.composition().shotScale();
    int main = mainSubject(analysis.subjects());
    StatementThresholds thresholds = PhraseExtractor.THRESHOLDS;
    // The shot scale is decided once, by the composition (ShotScale.ofExtent); a subject's box is
    // no second rule: a provider's subject without a box gets the whole frame, which is no
    // close-up.
    if (scale != null
        && thresholds.says(Statement.SHOT_SCALE, analysis.composition().confidence())) {
      phrases.add(new Phrase(scale + " shot", Role.CAMERA, 50, "composition.shotScale"));
    }
    DepthOfField depth = analysis.focus().depthOfField();
    if (depth != null
        && thresholds.says(Statement.DEPTH_OF_FIELD, analysis.focus().depthOfFieldConfidence())) {
      phrases.add(new Phrase(depth + " depth of field", Role.CAMERA, 50, "focus.depthOfField"));
    }
    SubjectPosition position = analysis.composition().subjectPosition();
    // A picture with no single subject (an all-over surface) has no subject position to state,
    // neither the measured one nor that of a detection too weak to be named.
    if (SubjectNaming.of(analysis).category() == SubjectCategory.SURFACE) {
      return;
    }
    // A described form already says where it is ("in the center", "at the right edge"). The
    // composition's position is that of another region (the saliency peak), and the two disagreed
    // in 61 of 1,049 prompts ("a large grey form in the center", then "off-center composition"):
    // the place of what the prompt describes is said once, by its description.
    if (phrases.stream().anyMatch(p -> p.source().equals("subject.described"))) {
      return;
    }
    if (position != null) {
      boolean centred = position == SubjectPosition.CENTER;
      phrases.add(
          new Phrase(
              centred ? "centered composition" : "off-center composition",
              Role.CAMERA,
              32,
              "composition.subjectPosition"));
    } else if (main >= 0 && centred(analysis.subjects().get(main))) {
      phrases.add(
          new Phrase("centered composition", Role.CAMERA, 32, "subjects[" + main + "].box"));
    }
  }

  /** Index of the first subject confident enough to name, or -1. */
  static int mainSubject(List<Subject> subjects) {
    for (int i = 0; i < subjects.size(); i++) {
      if (subjects.get(i).confidence() >= PhraseExtractor.MIN_SUBJECT_CONFIDENCE) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the box's centre lies in the middle fifth of the frame both ways. */
  static boolean centred(Subject subject) {
    List<Double> box = subject.box();
    double cx = box.get(0) + box.get(2) / 2;
    double cy = box.get(1) + box.get(3) / 2;
    return Math.abs(cx - 0.5) <= 0.1 && Math.abs(cy - 0.5) <= 0.1;
  }

  /** The horizontal centre of a subject's box, 0 (left edge) to 1 (right edge). */
  static double centreX(Subject subject) {
    return subject.box().get(0) + subject.box().get(2) / 2;
  }
}
