package io.promptlens.core.compiler;

import io.promptlens.core.analysis.DepthOfField;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.core.analysis.MainSubject;
import io.promptlens.core.analysis.Orientation;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.ShotScale;
import io.promptlens.core.analysis.SubjectCategory;
import io.promptlens.core.analysis.SubjectPosition;
import io.promptlens.core.compiler.Phrase.Role;
import io.promptlens.core.compiler.TargetProfile.CameraSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Plans image-to-video motion from the analysis: a camera move chosen from composition and focus (a
 * centred subject with shallow depth of field gets a slow push-in; an off-centre subject a pan
 * towards it; a wide scene without a subject a pan across it), subject motion, scene motion from
 * the scene labels, the pace from the light, and a duration the target offers.
 */
final class MotionPlanner {

  /**
   * Seconds a single slow camera move reads well in; the shortest offered duration at least this.
   */
  static final int PREFERRED_SECONDS = 5;

  /** Scene-label keywords and the motion they suggest, first match wins. */
  private static final String[][] SCENE_MOTION = {
    {"cloud", "clouds drift slowly across the sky"},
    {"sea ocean wave beach", "waves roll gently and the water glints"},
    {"water lake river pond", "the water ripples gently"},
    {"snow", "snow falls softly"},
    {"rain", "rain falls steadily"},
    {"fire candle flame", "flames flicker"},
    {"fog mist smoke", "mist drifts slowly"},
    {"tree forest grass field plant leaf flower garden", "leaves and grass sway in a light breeze"},
    // The measured label says there are plants, not which: trees, grass or moss.
    {"vegetation", "the vegetation sways in a light breeze"},
    {"city street road traffic building", "distant traffic and passers-by move in the background"},
  };

  private static final List<String> PEOPLE =
      List.of("person", "people", "man", "woman", "girl", "boy", "child", "face", "portrait");

  /**
   * The plan.
   *
   * @param phrases motion phrases to render, with their sources
   * @param duration seconds, or 0 for a still-image target
   * @param defaulted whether the camera move is a default because nothing in the analysis chose it
   */
  record Plan(List<Phrase> phrases, int duration, boolean defaulted) {}

  private MotionPlanner() {}

  static Plan plan(
      ImageAnalysis analysis, List<Phrase> extracted, TargetProfile target, Phrasing phrasing) {
    boolean describe = target.video().describeFrame();
    List<Phrase> subjects = RenderContext.of(extracted, Role.SUBJECT);
    MainSubject main = SubjectNaming.of(analysis);
    boolean named = subjects.stream().anyMatch(p -> !p.source().equals("subject.described"));
    String said = Lists.join(subjects.stream().map(Phrase::text).toList());
    // A measured description is a long phrase: "the subject" points at it without repeating it.
    // "a person in front of a crowd" moves as "the person": the crowd is its background.
    String head = said.replace(" in front of a crowd", "");
    String who = !describe || !named ? "the subject" : "the " + stripArticle(head);

    Choice choice = camera(analysis);
    CameraMove move = phrasing.pick(choice.move().alternatives());
    List<Phrase> phrases = new ArrayList<>();
    if (target.video().cameraSyntax() == CameraSyntax.BRACKETED) {
      phrases.add(new Phrase(move.command(), Role.CAMERA_MOVE, Phrase.KEEP, choice.source()));
    }
    String words = move.words();
    // A surface ("… tones across the frame") has no subject to move toward.
    boolean surface = main.category() == SubjectCategory.SURFACE && !named;
    if (move == CameraMove.PUSH_IN && (!subjects.isEmpty() || !describe) && !surface) {
      words += " toward " + who;
    }
    phrases.add(new Phrase(words, Role.CAMERA_MOVE, 95, choice.source()));

    boolean alive = alive(main, subjects);
    boolean user = subjects.stream().anyMatch(p -> p.source().equals("controls.subject"));
    // Only what is known to be alive, or what the user named, is asked to move: a cup, a page or
    // a measured shape stays still.
    if (named && (alive || user)) {
      String moving = describe && alive && !user ? living(main, head) : null;
      String mover = moving == null ? who : moving;
      boolean plural =
          moving == null
              ? subjects.size() > 1 || SubjectNaming.pluralPhrase(said)
              : SubjectNaming.pluralPhrase(moving.replace("the ", ""));
      String verb =
          alive
              ? phrasing.pick("breathes and blinks naturally", "shifts and breathes naturally")
              : phrasing.pick("moves subtly and naturally", "stirs with small, natural movements");
      if (plural) {
        verb = verb.replace("breathes", "breathe").replace("blinks", "blink");
        verb = verb.replace("moves", "move").replace("shifts", "shift").replace("stirs", "stir");
      }
      phrases.add(
          new Phrase(mover + " " + verb, Role.SUBJECT_MOTION, 88, subjects.get(0).source()));
    }
    boolean setting = SubjectNaming.hasSetting(analysis, main);
    Phrase scene = sceneMotion(analysis, setting);
    if (scene != null) {
      phrases.add(scene);
    }
    phrases.add(pacing(analysis, alive));
    return new Plan(phrases, duration(target), choice.defaulted());
  }

  private record Choice(CameraMove move, String source, boolean defaulted) {}

  private static Choice camera(ImageAnalysis analysis) {
    SubjectPosition position = analysis.composition().subjectPosition();
    ShotScale scale = analysis.composition().shotScale();
    int main = CameraTerms.mainSubject(analysis.subjects());
    boolean centred =
        position == SubjectPosition.CENTER
            || (main >= 0 && CameraTerms.centred(analysis.subjects().get(main)));
    if (analysis.focus().depthOfField() == DepthOfField.SHALLOW && centred) {
      return new Choice(CameraMove.PUSH_IN, "focus.depthOfField", false);
    }
    SubjectPosition.Side side = position == null ? null : position.side();
    if (side == SubjectPosition.Side.LEFT) {
      return new Choice(CameraMove.PAN_LEFT, "composition.subjectPosition", false);
    }
    if (side == SubjectPosition.Side.RIGHT) {
      return new Choice(CameraMove.PAN_RIGHT, "composition.subjectPosition", false);
    }
    if (scale == ShotScale.WIDE) {
      return new Choice(CameraMove.PAN_RIGHT, "composition.shotScale", false);
    }
    if (scale != null) {
      return new Choice(CameraMove.PUSH_IN, "composition.shotScale", false);
    }
    if (main >= 0) {
      String source = "subjects[" + main + "].box";
      double x = CameraTerms.centreX(analysis.subjects().get(main));
      if (x < 0.4) {
        return new Choice(CameraMove.PAN_LEFT, source, false);
      }
      if (x > 0.6) {
        return new Choice(CameraMove.PAN_RIGHT, source, false);
      }
      return new Choice(CameraMove.PUSH_IN, source, false);
    }
    if (analysis.image().orientation() == Orientation.PORTRAIT
        && !analysis.scene().labels().isEmpty()) {
      return new Choice(CameraMove.TILT_UP, "image.orientation", false);
    }
    if (analysis.image().orientation() == Orientation.LANDSCAPE
        && !analysis.scene().labels().isEmpty()) {
      return new Choice(CameraMove.PAN_RIGHT, "image.orientation", false);
    }
    return new Choice(CameraMove.PUSH_IN, "default", true);
  }

  /**
   * What moves around the subject: a said scene label's motion, else the light or the air of the
   * place. A page, a screenshot or a flat graphic has no place, and a picture drawn on a white or
   * black ground has only its paper behind it ({@link PhraseExtractor#onGround}), so nothing moves
   * in them but the camera (null).
   */
  private static @Nullable Phrase sceneMotion(ImageAnalysis analysis, boolean setting) {
    List<Scene.Label> labels = analysis.scene().labels();
    for (String[] rule : SCENE_MOTION) {
      for (int i = 0; i < labels.size(); i++) {
        if (!PhraseExtractor.saysScene(labels.get(i), setting)) {
          continue;
        }
        String label = lower(labels.get(i).label());
        for (String keyword : rule[0].split(" ")) {
          if (label.contains(keyword)) {
            return new Phrase(rule[1], Role.SCENE_MOTION, 50, "scene.labels[" + i + "]");
          }
        }
      }
    }
    if (!setting || PhraseExtractor.onGround(analysis.light())) {
      return null;
    }
    if (PhraseExtractor.litKey(analysis.light(), setting) != LightKey.UNKNOWN) {
      return new Phrase(
          "the light shifts gently across the scene", Role.SCENE_MOTION, 45, "light.key");
    }
    return new Phrase(
        "subtle ambient motion moves through the background", Role.SCENE_MOTION, 45, "default");
  }

  /**
   * The pace follows what moves in the picture: measured motion blur is lively; a still picture
   * with nothing alive in it (a still life, a page, a landscape) is slow; living subjects at rest
   * are steady. Colour alone says nothing about motion.
   */
  private static Phrase pacing(ImageAnalysis analysis, boolean alive) {
    var focus = analysis.focus();
    if (Boolean.TRUE.equals(focus.motionBlur())
        && PhraseExtractor.THRESHOLDS.says(Statement.MOTION_BLUR, focus.motionConfidence())) {
      return new Phrase("lively, energetic pacing", Role.PACING, 35, "focus.motionBlur");
    }
    if (analysis.light().key() == LightKey.LOW) {
      return new Phrase("slow, calm pacing", Role.PACING, 35, "light.key");
    }
    if (!alive) {
      return new Phrase("slow, calm pacing", Role.PACING, 35, "subject.category");
    }
    return new Phrase("steady, unhurried pacing", Role.PACING, 35, "subject.category");
  }

  /**
   * The living things of a detector's list ("the two people" of "two people and a car", "the
   * person" of "a person and a tie"), or null when all or none of them live: only they breathe and
   * blink. Only a detector's list is split: its items are class names joined by {@link Lists#join},
   * while a provider's label may hold an "and" of its own ("fish and chips").
   */
  static @Nullable String living(MainSubject main, String said) {
    if (main.source() == null || !main.source().startsWith("vision.")) {
      return null;
    }
    String[] last = said.split(" and ");
    if (last.length != 2) {
      return null;
    }
    List<String> items = new ArrayList<>(List.of(last[0].split(", ")));
    items.add(last[1]);
    List<String> alive =
        items.stream()
            .filter(item -> SubjectNaming.category(List.of(item)) != SubjectCategory.OBJECT)
            .map(item -> "the " + stripArticle(item))
            .toList();
    return alive.isEmpty() || alive.size() == items.size() ? null : Lists.join(alive);
  }

  /** Whether the subject is a person or an animal. */
  private static boolean alive(MainSubject main, List<Phrase> subjects) {
    if (main.hasName()) {
      return main.category() == SubjectCategory.PERSON || main.category() == SubjectCategory.ANIMAL;
    }
    for (Phrase subject : subjects) {
      if (subject.source().equals("controls.subject")) {
        String text = " " + lower(subject.text()) + " ";
        for (String word : PEOPLE) {
          if (text.contains(" " + word + " ")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The shortest offered duration of at least {@link #PREFERRED_SECONDS}, else the longest. */
  static int duration(TargetProfile target) {
    List<Integer> durations = target.video().durations();
    if (durations.isEmpty()) {
      return 0;
    }
    return durations.stream()
        .filter(d -> d >= PREFERRED_SECONDS)
        .findFirst()
        .orElse(durations.get(durations.size() - 1));
  }

  private static String stripArticle(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String article : List.of("a ", "an ", "the ")) {
      if (lower.startsWith(article)) {
        return text.substring(article.length());
      }
    }
    return text;
  }

  private static String lower(@Nullable String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }
}
