package io.promptlens.core.compiler;

import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Contrast;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.core.analysis.MainSubject;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.analysis.Saturation;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.SubjectCategory;
import io.promptlens.core.analysis.Temperature;
import io.promptlens.core.analysis.TextContent;
import io.promptlens.core.compiler.Phrase.Role;
import io.promptlens.core.compiler.TargetProfile.EditStyle;
import io.promptlens.core.compiler.TargetProfile.Syntax;
import io.promptlens.core.compiler.TargetProfile.TagVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads an analysis into target-neutral phrases. Only facts the analysis holds become phrases: an
 * unknown section adds nothing rather than a guess. Text from the analysis or the user is cleaned
 * by {@link Texts#clean} so it cannot smuggle a target's syntax into the prompt.
 */
final class PhraseExtractor {

  /** Subjects below this detector confidence are too uncertain to name in a prompt. */
  static final double MIN_SUBJECT_CONFIDENCE = 0.5;

  /** The one table of statement thresholds. */
  static final StatementThresholds THRESHOLDS = StatementThresholds.DEFAULT;

  /** Palette entries below this share are accents too small to steer a generator. */
  static final double MIN_PALETTE_SHARE = 0.03;

  private PhraseExtractor() {}

  static List<Phrase> extract(
      ImageAnalysis analysis, Mode mode, Controls controls, TargetProfile target) {
    List<Phrase> phrases = new ArrayList<>();
    for (String tag : target.qualityTags()) {
      phrases.add(new Phrase(tag, Role.QUALITY, Phrase.KEEP, "target.qualityTags"));
    }
    MainSubject subject = SubjectNaming.of(analysis);
    boolean setting = SubjectNaming.hasSetting(analysis, subject);
    if (mode != Mode.STYLE) {
      subjects(subject, mode, controls, target, phrases);
    }
    // "A document of a page of printed text" says the same thing twice.
    boolean page =
        analysis.medium().label() == MediumLabel.DOCUMENT
            && subject.category() == SubjectCategory.TEXT;
    if (!page
        && THRESHOLDS.says(
            StatementThresholds.medium(analysis.medium().label()),
            analysis.medium().confidence())) {
      medium(analysis.medium().label(), target.vocabulary()).ifPresent(phrases::add);
    }
    tone(analysis.color(), target.vocabulary(), phrases);
    palette(analysis.color(), controls, target.syntax(), phrases);
    light(analysis.light(), setting, phrases);
    MeasuredTerms.addLook(analysis, setting, phrases);
    if (controls.cameraTerms() && setting) {
      CameraTerms.add(analysis, phrases);
      MeasuredTerms.addCamera(analysis, phrases);
    }
    if (setting) {
      mood(analysis, phrases);
    }
    if (mode != Mode.STYLE) {
      int index = 0;
      for (var label : analysis.scene().labels()) {
        String text = sceneText(Texts.clean(label.label()), target.syntax());
        if (saysScene(label, setting) && !text.isEmpty()) {
          phrases.add(
              new Phrase(
                  text, Role.SCENE, 40 - Math.min(index, 10), "scene.labels[" + index + "]"));
        }
        index++;
      }
      String text = Texts.quoted(legibleText(analysis.text()));
      if (!text.isEmpty()) {
        phrases.add(new Phrase("the text \"" + text + "\"", Role.TEXT, 80, "text.content"));
      }
    }
    for (int i = 0; i < controls.keep().size(); i++) {
      String keep = Texts.clean(controls.keep().get(i));
      if (!keep.isEmpty()) {
        phrases.add(new Phrase(keep, Role.EXTRA, Phrase.KEEP, "controls.keep[" + i + "]"));
      }
    }
    return byDetail(phrases, controls.detail());
  }

  /**
   * Whether a scene label may be said: a provider's words (or a label outside the measured
   * vocabulary) at the provider threshold; a measured label at its kind's threshold, and only where
   * the picture has a setting. "document" and "text page" are said by the subject instead.
   */
  static boolean saysScene(Scene.Label label, boolean setting) {
    String name = Texts.clean(label.label()).toLowerCase(Locale.ROOT);
    if (name.equals("document") || name.equals("text page")) {
      return false;
    }
    boolean measured = label.source() == null || label.source().startsWith("vision.");
    Statement kind = StatementThresholds.scene(name);
    if (!measured || kind == null) {
      return THRESHOLDS.says(Statement.PROVIDER, label.confidence());
    }
    return setting && THRESHOLDS.says(kind, label.confidence());
  }

  /** Short keeps only the strongest phrases, medium drops the weakest, long keeps all. */
  private static List<Phrase> byDetail(List<Phrase> phrases, Detail detail) {
    int floor =
        switch (detail) {
          case SHORT -> 55;
          case MEDIUM -> 30;
          case LONG -> 0;
        };
    return phrases.stream().filter(p -> p.priority() >= floor).toList();
  }

  private static void subjects(
      MainSubject subject,
      Mode mode,
      Controls controls,
      TargetProfile target,
      List<Phrase> phrases) {
    boolean override = controls.subject() != null;
    // An edit instruction names what is there and what replaces it; every other prompt only
    // names the subject it wants.
    boolean recognised =
        !override || (mode == Mode.EDIT && target.editStyle() == EditStyle.INSTRUCTION);
    if (recognised) {
      String text = Texts.clean(subject.hasName() ? subject.named() : subject.described());
      if (!text.isEmpty()) {
        phrases.add(
            new Phrase(
                target.syntax() == Syntax.TAGS ? stripArticle(text) : text,
                Role.SUBJECT,
                Phrase.KEEP,
                subject.hasName() ? "subject.named" : "subject.described"));
      }
    }
    if (override) {
      String text = Texts.clean(controls.subject());
      if (!text.isEmpty()) {
        phrases.add(new Phrase(text, Role.SUBJECT, Phrase.KEEP, "controls.subject"));
      }
    }
  }

  /** "cat" from "a cat": tag prompts take bare nouns. */
  static String stripArticle(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String article : List.of("a ", "an ", "the ")) {
      if (lower.startsWith(article)) {
        return text.substring(article.length());
      }
    }
    return text;
  }

  private static java.util.Optional<Phrase> medium(MediumLabel label, TagVocabulary vocabulary) {
    boolean booru = vocabulary == TagVocabulary.BOORU;
    String text =
        switch (label) {
          case PHOTO -> booru ? "photorealistic" : "photograph";
          case ILLUSTRATION -> booru ? "illustration" : "digital illustration";
          case PAINTING -> booru ? "traditional media" : "painting";
          case THREE_D_RENDER -> booru ? "3d" : "3D render";
          case GRAPHIC -> booru ? "flat color" : "flat graphic design";
          case DOCUMENT -> booru ? "text focus" : "document";
          case UNKNOWN -> null;
        };
    return java.util.Optional.ofNullable(text)
        .map(t -> new Phrase(t, Role.MEDIUM, 90, "medium.label"));
  }

  private static void tone(ColorAnalysis color, TagVocabulary vocabulary, List<Phrase> phrases) {
    if (color.grayscale()) {
      String text = vocabulary == TagVocabulary.BOORU ? "monochrome" : "black and white";
      phrases.add(new Phrase(text, Role.TONE, 85, "color.grayscale"));
      return;
    }
    if (color.temperature() == Temperature.WARM || color.temperature() == Temperature.COOL) {
      phrases.add(new Phrase(color.temperature() + " tones", Role.TONE, 65, "color.temperature"));
    }
    String saturation =
        color.saturation() == Saturation.VIVID
            ? "vivid colors"
            : color.saturation() == Saturation.MUTED ? "muted colors" : null;
    if (saturation != null) {
      phrases.add(new Phrase(saturation, Role.TONE, 55, "color.saturation"));
    }
  }

  /** Text lines shorter than this share of the image height are fine print, not a feature. */
  static final double MIN_TEXT_LINE_HEIGHT = 0.03;

  /**
   * A line read with less confidence than this is as likely wrong as right in a word or two; a
   * generator told to draw it would draw the error.
   */
  static final double MIN_TEXT_CONFIDENCE = 0.8;

  /** Quoted text longer than this many words is cut: a prompt quotes a sign, not a page. */
  static final int MAX_QUOTED_WORDS = 12;

  /**
   * The text worth asking a generator to draw: confidently read lines of at least two letters or
   * digits, at least {@link #MIN_TEXT_LINE_HEIGHT} of the frame tall (about 30 px on a 1,024 px
   * output, legible at a glance), in reading order, cut to {@link #MAX_QUOTED_WORDS} words. Fine
   * print, background signage and body copy stay out; the scene labels still say "a page of text".
   * Text without line boxes (from a provider) is taken as given, cut the same way.
   */
  static String legibleText(TextContent text) {
    String content;
    if (text.lines().isEmpty()) {
      content = text.content() == null ? "" : text.content();
    } else {
      content =
          text.lines().stream()
              .filter(line -> line.box().size() == 4 && line.box().get(3) >= MIN_TEXT_LINE_HEIGHT)
              .filter(line -> line.confidence() >= MIN_TEXT_CONFIDENCE)
              .filter(
                  line -> line.text().codePoints().filter(Character::isLetterOrDigit).count() >= 2)
              .map(TextContent.Line::text)
              .collect(java.util.stream.Collectors.joining(" "));
    }
    String[] words = content.strip().split("\\s+");
    if (words.length <= MAX_QUOTED_WORDS) {
      return content.strip();
    }
    return String.join(" ", java.util.Arrays.copyOf(words, MAX_QUOTED_WORDS)) + "…";
  }

  /**
   * Detector labels are bare class names ("sports ball"); a sentence needs "a sports ball". Labels
   * from vision-language providers are already phrases and stay as written.
   */
  static String withArticle(String label, String source) {
    String lower = label.toLowerCase(Locale.ROOT);
    boolean detector = source != null && source.startsWith("vision.");
    boolean determined =
        lower.startsWith("a ") || lower.startsWith("an ") || lower.startsWith("the ");
    return detector && !determined ? NaturalRenderer.article(label) + " " + label : label;
  }

  /**
   * Scene labels are adjectives and mass nouns ("outdoor", "vegetation"); sentences need noun
   * phrases ("an outdoor setting") while tag prompts take the booru form ("outdoors").
   */
  static String sceneText(String label, Syntax syntax) {
    boolean tags = syntax == Syntax.TAGS;
    return switch (label) {
      case "outdoor" -> tags ? "outdoors" : "an outdoor setting";
      case "indoor" -> tags ? "indoors" : "an indoor setting";
      case "sky" -> tags ? "sky" : "the sky";
      case "clouds" -> tags ? "clouds" : "clouds";
      case "night sky" -> tags ? "night sky" : "a night sky";
      case "text page" -> tags ? "text page" : "a page of text";
      case "document" -> tags ? "document" : "a document";
      default -> label;
    };
  }

  private static void palette(
      ColorAnalysis color, Controls controls, Syntax syntax, List<Phrase> phrases) {
    int wanted =
        switch (controls.detail()) {
          case SHORT -> 2;
          case MEDIUM -> 3;
          case LONG -> 5;
        };
    Set<String> seen = new LinkedHashSet<>();
    List<PaletteColor> palette = color.palette();
    for (int index = 0; index < palette.size(); index++) {
      PaletteColor entry = palette.get(index);
      if (seen.size() == wanted || entry.share() < MIN_PALETTE_SHARE) {
        break;
      }
      // The xkcd name stays in the analysis; the prompt gets colour words a generator reads as
      // colour, never the name of a thing.
      String name =
          ColourWords.forPrompt(Texts.clean(entry.name()), entry.hex()).toLowerCase(Locale.ROOT);
      if (name.isEmpty() || !seen.add(name)) {
        continue;
      }
      String text = name;
      if (controls.paletteHex()) {
        // Tag syntaxes read parentheses as emphasis, so the code follows the name there.
        text =
            syntax == Syntax.NATURAL ? name + " (" + entry.hex() + ")" : name + " " + entry.hex();
      }
      // The largest colours matter most; each further one is a little cheaper to drop.
      phrases.add(
          new Phrase(text, Role.PALETTE, 75 - 5 * seen.size(), "color.palette[" + index + "]"));
    }
  }

  /**
   * Key and contrast. The key is said as lighting ("high-key lighting"), which only a place has: a
   * page, a screenshot or a flat graphic is white or dark by design, and a generator told to light
   * it lights a scene. Contrast is a fact of the tones, and stays.
   */
  private static void light(LightAnalysis light, boolean setting, List<Phrase> phrases) {
    LightKey key = litKey(light, setting);
    if (key == LightKey.LOW) {
      phrases.add(new Phrase("low-key lighting", Role.LIGHT, 60, "light.key"));
    } else if (key == LightKey.HIGH) {
      phrases.add(new Phrase("high-key lighting", Role.LIGHT, 60, "light.key"));
    }
    if (light.contrast() == Contrast.HIGH) {
      phrases.add(new Phrase("high contrast", Role.LIGHT, 45, "light.contrast"));
    } else if (light.contrast() == Contrast.LOW) {
      phrases.add(new Phrase("soft low contrast", Role.LIGHT, 45, "light.contrast"));
    }
  }

  /**
   * Share of the frame at the format's white (or black) from which the picture is drawn on a
   * ground: its key is not light and its mood not an atmosphere. A photograph exposed for its
   * subject clips a few percent at most (specular highlights, a lamp, a patch of sky); a quarter of
   * the frame at pure white is a page, a drawing's paper or a backdrop, and at pure black a dark
   * ground. Clip art and diagrams on white were most of the "high-key lighting" of the eval images
   * (2026-12-06).
   */
  static final double GROUND_SHARE = 0.25;

  /**
   * The key as the light of a place: unknown without a setting, and unknown on a picture drawn on a
   * white or black ground ({@link #GROUND_SHARE}).
   */
  static LightKey litKey(LightAnalysis light, boolean setting) {
    return setting && !onGround(light) ? light.key() : LightKey.UNKNOWN;
  }

  /** Whether a quarter of the frame is pure white or pure black ({@link #GROUND_SHARE}). */
  static boolean onGround(LightAnalysis light) {
    return atLeast(light.clippedHighlights(), GROUND_SHARE)
        || atLeast(light.clippedShadows(), GROUND_SHARE);
  }

  private static boolean atLeast(@Nullable Double share, double bound) {
    return share != null && share >= bound;
  }

  /**
   * The atmosphere a picture's key gives it: a dark, low-key picture is moody and a bright,
   * high-key one airy, as photographers use the words. A mid key says nothing: the warm or cool
   * white balance that used to pick "warm, inviting" or "calm, cool" says nothing of a mood (on a
   * contact sheet of 40 prompts of 2026-12-06, a stormy sea was "calm", a volcano, a rock texture
   * and a motorbike in a garage "warm, inviting"). Said only of a picture with a setting, and not
   * of its white or black ground (see {@link #litKey}): a screenshot's or a clip art's white is not
   * a "bright, airy atmosphere".
   */
  private static void mood(ImageAnalysis analysis, List<Phrase> phrases) {
    String mood =
        switch (litKey(analysis.light(), true)) {
          case LOW -> "moody atmosphere";
          case HIGH -> "bright, airy atmosphere";
          case MID, UNKNOWN -> null;
        };
    if (mood != null) {
      phrases.add(new Phrase(mood, Role.MOOD, 35, "light.key"));
    }
  }
}
