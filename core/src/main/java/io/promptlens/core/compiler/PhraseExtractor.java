package io.promptlens.core.compiler;

import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Contrast;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.analysis.Saturation;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.Temperature;
import io.promptlens.core.compiler.Phrase.Role;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an analysis into target-neutral phrases. Only facts the analysis holds become phrases: an
 * unknown section adds nothing rather than a guess.
 */
final class PhraseExtractor {

  /** Subjects below this detector confidence are too uncertain to name in a prompt. */
  static final double MIN_SUBJECT_CONFIDENCE = 0.5;

  /** Palette entries below this share are accents too small to steer a generator. */
  static final double MIN_PALETTE_SHARE = 0.03;

  private PhraseExtractor() {}

  static List<Phrase> extract(ImageAnalysis analysis, Mode mode, Controls controls) {
    List<Phrase> phrases = new ArrayList<>();
    if (mode != Mode.STYLE) {
      subject(analysis, controls).ifPresent(phrases::add);
    }
    medium(analysis.medium().label()).ifPresent(phrases::add);
    tone(analysis.color(), phrases);
    palette(analysis.color(), controls, phrases);
    light(analysis.light(), phrases);
    if (mode != Mode.STYLE) {
      for (var label : analysis.scene().labels()) {
        if (label.confidence() >= MIN_SUBJECT_CONFIDENCE) {
          phrases.add(new Phrase(label.label(), Role.SCENE, 40, "scene.labels"));
        }
      }
      String text = analysis.text().content();
      if (text != null && !text.isBlank()) {
        phrases.add(new Phrase("the text \"" + text.strip() + "\"", Role.TEXT, 80, "text.content"));
      }
    }
    for (String keep : controls.keep()) {
      phrases.add(new Phrase(keep, Role.EXTRA, Phrase.KEEP, "controls.keep"));
    }
    return phrases;
  }

  private static java.util.Optional<Phrase> subject(ImageAnalysis analysis, Controls controls) {
    if (controls.subject() != null) {
      return java.util.Optional.of(
          new Phrase(controls.subject(), Role.SUBJECT, Phrase.KEEP, "controls.subject"));
    }
    Set<String> labels = new LinkedHashSet<>();
    for (Subject subject : analysis.subjects()) {
      if (subject.confidence() >= MIN_SUBJECT_CONFIDENCE) {
        labels.add(subject.label().strip());
      }
    }
    if (labels.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new Phrase(Lists.join(List.copyOf(labels)), Role.SUBJECT, Phrase.KEEP, "subjects"));
  }

  private static java.util.Optional<Phrase> medium(MediumLabel label) {
    String text =
        switch (label) {
          case PHOTO -> "photograph";
          case ILLUSTRATION -> "digital illustration";
          case PAINTING -> "painting";
          case THREE_D_RENDER -> "3D render";
          case GRAPHIC -> "flat graphic design";
          case DOCUMENT -> "document";
          case UNKNOWN -> null;
        };
    return java.util.Optional.ofNullable(text).map(t -> new Phrase(t, Role.MEDIUM, 90, "medium"));
  }

  private static void tone(ColorAnalysis color, List<Phrase> phrases) {
    if (color.grayscale()) {
      phrases.add(new Phrase("black and white", Role.TONE, 85, "color.grayscale"));
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

  private static void palette(ColorAnalysis color, Controls controls, List<Phrase> phrases) {
    int wanted =
        switch (controls.detail()) {
          case SHORT -> 2;
          case MEDIUM -> 3;
          case LONG -> 5;
        };
    Set<String> seen = new LinkedHashSet<>();
    int index = 0;
    for (PaletteColor entry : color.palette()) {
      if (seen.size() == wanted || entry.share() < MIN_PALETTE_SHARE) {
        break;
      }
      String name = entry.name() == null ? "" : entry.name().strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty() || !seen.add(name)) {
        index++;
        continue;
      }
      String text = controls.paletteHex() ? name + " (" + entry.hex() + ")" : name;
      // The largest colours matter most; each further one is a little cheaper to drop.
      phrases.add(
          new Phrase(text, Role.PALETTE, 70 - 5 * seen.size(), "color.palette[" + index + "]"));
      index++;
    }
  }

  private static void light(LightAnalysis light, List<Phrase> phrases) {
    if (light.key() == LightKey.LOW) {
      phrases.add(new Phrase("low-key lighting", Role.LIGHT, 60, "light.key"));
    } else if (light.key() == LightKey.HIGH) {
      phrases.add(new Phrase("high-key lighting", Role.LIGHT, 60, "light.key"));
    }
    if (light.contrast() == Contrast.HIGH) {
      phrases.add(new Phrase("high contrast", Role.LIGHT, 45, "light.contrast"));
    } else if (light.contrast() == Contrast.LOW) {
      phrases.add(new Phrase("soft low contrast", Role.LIGHT, 45, "light.contrast"));
    }
  }
}
