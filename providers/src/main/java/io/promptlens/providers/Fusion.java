package io.promptlens.providers;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.Provenance;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.Temperature;
import io.promptlens.core.analysis.TextContent;
import io.promptlens.core.compiler.StatementThresholds;
import io.promptlens.core.compiler.SubjectNaming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Merges what a provider said into what was measured, giving one {@link ImageAnalysis} that the
 * compiler reads unchanged. Pure and deterministic.
 *
 * <ul>
 *   <li><b>Measured wins</b> for image size, aspect, colour and light: they are copied untouched.
 *       Where the provider contradicts them (its style says black and white but the measured colour
 *       is not grayscale; its lighting says bright but the measured key is low, or dark against a
 *       high key; warm against cool), the contradiction goes to {@code notes} and the measurement
 *       stands.
 *   <li><b>Provider wins</b> for open vocabulary: its subjects come first in {@code subjects}
 *       ({@code source} = provider name, its confidence or {@value #DEFAULT_CONFIDENCE} when it
 *       gave none, box [0, 0, 1, 1] unless a measured subject with a matching word lends its box);
 *       measured subjects it did not name follow. With no subjects but a description, the
 *       description is the one subject; {@code subject.named} is decided from them. Its setting
 *       replaces the measured scene labels (colour guesses).
 *   <li>Its visible text fills {@code text.content} only when nothing was measured; a different
 *       reading of measured text is a note.
 *   <li>Its style fills {@code medium} at {@value #STYLE_MEDIUM_CONFIDENCE} only when the medium
 *       was not measured.
 *   <li>Fields the analysis has no place for yet (description, action, mood, style, camera,
 *       lighting, subject attributes) are kept in one note, and a provenance entry names the
 *       provider, model and call.
 * </ul>
 */
public final class Fusion {

  /** Confidence of a provider subject or setting when the provider gave none. */
  public static final double DEFAULT_CONFIDENCE = 0.8;

  /** Confidence of a medium read from the provider's style words. */
  public static final double STYLE_MEDIUM_CONFIDENCE = 0.6;

  private static final List<Double> FULL_FRAME = List.of(0.0, 0.0, 1.0, 1.0);

  private static final List<String> MONOCHROME =
      List.of("black and white", "black-and-white", "monochrome", "grayscale", "greyscale", "b&w");
  private static final Set<String> BRIGHT =
      Set.of("bright", "brightly", "sunny", "sunlit", "high-key", "overexposed", "harsh");
  private static final Set<String> DARK =
      Set.of("dark", "dim", "dimly", "low-key", "night", "nighttime", "underexposed", "gloomy");

  /** Words too common to tie a measured subject to a provider's. */
  private static final Set<String> STOP =
      Set.of("a", "an", "the", "of", "in", "on", "with", "and", "at", "to", "by");

  private static final Set<String> WARM = Set.of("warm", "golden", "sunset", "candlelight");
  private static final Set<String> COOL = Set.of("cool", "cold", "blue", "bluish", "moonlight");

  private Fusion() {}

  public static ImageAnalysis fuse(ImageAnalysis measured, ProviderDescription described) {
    if (measured == null || described == null) {
      throw new IllegalArgumentException("measured analysis and description are required");
    }
    String source = described.call() == null ? "provider" : described.call().provider();
    String model = described.call() == null ? "unknown" : described.call().model();
    List<String> notes = new ArrayList<>(measured.notes());

    List<Subject> subjects = subjects(measured.subjects(), described, source);
    Scene scene = scene(measured.scene(), described.setting(), source);
    TextContent text = text(measured.text(), described.visibleText(), source, notes);
    Medium medium = medium(measured.medium(), described.style(), source, notes);
    disagreements(measured, described, source, notes);
    String said = said(described);
    if (!said.isEmpty()) {
      notes.add(source + " (" + model + ") says: " + said);
    }
    notes.add("subjects, setting and text: from " + source + " (" + model + ")");

    List<Provenance> provenance = new ArrayList<>(measured.provenance());
    provenance.add(
        new Provenance(
            "providers." + source,
            model,
            described.call() == null ? "fused" : "fused; call " + described.call().summary()));

    ImageAnalysis fused =
        measured.toBuilder()
            .medium(medium)
            .subjects(subjects)
            .scene(scene)
            .text(text)
            .notes(notes)
            .provenance(provenance)
            .build();
    // The provider's subjects name the picture; the measured description stays beside them.
    return fused.withSubject(SubjectNaming.name(fused, StatementThresholds.DEFAULT));
  }

  private static List<Subject> subjects(
      List<Subject> measured, ProviderDescription described, String source) {
    List<Subject> fused = new ArrayList<>();
    Set<Subject> lent = new LinkedHashSet<>();
    for (ProviderDescription.Subject subject : described.subjects()) {
      List<Double> box = FULL_FRAME;
      for (Subject candidate : measured) {
        if (!lent.contains(candidate) && sharesWord(candidate.label(), subject.name())) {
          box = candidate.box();
          lent.add(candidate);
          break;
        }
      }
      double confidence = subject.confidence() == null ? DEFAULT_CONFIDENCE : subject.confidence();
      fused.add(new Subject(subject.name(), confidence, box, source));
    }
    if (fused.isEmpty() && !described.description().isEmpty()) {
      fused.add(new Subject(described.description(), DEFAULT_CONFIDENCE, FULL_FRAME, source));
    }
    for (Subject candidate : measured) {
      boolean named =
          lent.contains(candidate)
              || described.subjects().stream()
                  .anyMatch(s -> sharesWord(candidate.label(), s.name()));
      if (!named) {
        fused.add(candidate);
      }
    }
    return fused;
  }

  /**
   * The provider's setting replaces the measured scene labels: they are guesses from colour, and a
   * prompt that says both ("a red fox in fresh snow, the sky and water") says the guesses too.
   */
  private static Scene scene(Scene measured, String setting, String source) {
    if (setting.isEmpty()) {
      return measured;
    }
    return new Scene(List.of(new Scene.Label(setting, DEFAULT_CONFIDENCE, source)));
  }

  private static TextContent text(
      TextContent measured, String visibleText, String source, List<String> notes) {
    String measuredText = measured.content() == null ? "" : measured.content().strip();
    if (visibleText.isEmpty()) {
      return measured;
    }
    if (measuredText.isEmpty()) {
      return new TextContent(visibleText, measured.lines());
    }
    if (!normalized(measuredText).equals(normalized(visibleText))) {
      notes.add(
          "disagreement: "
              + source
              + " reads the text as \""
              + visibleText
              + "\", measured \""
              + measuredText
              + "\"; kept the measured text");
    }
    return measured;
  }

  private static Medium medium(Medium measured, String style, String source, List<String> notes) {
    MediumLabel said = mediumOf(style);
    if (said == null) {
      return measured;
    }
    if (measured.label() == MediumLabel.UNKNOWN) {
      return Medium.of(said, STYLE_MEDIUM_CONFIDENCE);
    }
    if (measured.label() != said) {
      notes.add(
          "disagreement: "
              + source
              + " calls the medium "
              + said
              + ", measured "
              + measured.label()
              + "; kept the measured medium");
    }
    return measured;
  }

  private static void disagreements(
      ImageAnalysis measured, ProviderDescription described, String source, List<String> notes) {
    String style = described.style().toLowerCase(Locale.ROOT);
    if (measured.color().confidence() > 0
        && !measured.color().grayscale()
        && MONOCHROME.stream().anyMatch(style::contains)) {
      notes.add(
          String.format(
              Locale.ROOT,
              "disagreement: %s calls the image black and white, but the measured colour is not"
                  + " grayscale (mean chroma %.3f); kept the measured colour",
              source,
              measured.color().meanChroma()));
    }
    Set<String> lighting = words(described.lighting());
    LightKey key = measured.light().key();
    if (key == LightKey.LOW && lighting.stream().anyMatch(BRIGHT::contains)) {
      notes.add(
          "disagreement: "
              + source
              + " describes the lighting as \""
              + described.lighting()
              + "\", but the measured key is low; kept the measured light");
    } else if (key == LightKey.HIGH && lighting.stream().anyMatch(DARK::contains)) {
      notes.add(
          "disagreement: "
              + source
              + " describes the lighting as \""
              + described.lighting()
              + "\", but the measured key is high; kept the measured light");
    }
    Temperature temperature = measured.color().temperature();
    if (temperature == Temperature.COOL && lighting.stream().anyMatch(WARM::contains)
        || temperature == Temperature.WARM && lighting.stream().anyMatch(COOL::contains)) {
      notes.add(
          "disagreement: "
              + source
              + " describes the lighting as \""
              + described.lighting()
              + "\", but the measured white balance is "
              + temperature
              + "; kept the measured colour");
    }
  }

  /** The provider's fields the analysis has no place for yet, as "field: value" pairs. */
  private static String said(ProviderDescription described) {
    List<String> parts = new ArrayList<>();
    add(parts, "description", described.description());
    add(parts, "action", described.action());
    add(parts, "style", described.style());
    add(parts, "mood", described.mood());
    add(parts, "camera", described.camera());
    add(parts, "lighting", described.lighting());
    for (ProviderDescription.Subject subject : described.subjects()) {
      if (!subject.attributes().isEmpty()) {
        add(parts, subject.name(), String.join(", ", subject.attributes()));
      }
    }
    return String.join("; ", parts);
  }

  private static void add(List<String> parts, String field, String value) {
    if (!value.isEmpty()) {
      parts.add(field + ": " + value);
    }
  }

  /** The medium a style phrase names, or null when it names none clearly. */
  static @Nullable MediumLabel mediumOf(String style) {
    Set<String> words = words(style);
    String text = style.toLowerCase(Locale.ROOT);
    if (text.contains("3d") || words.contains("render") || words.contains("cgi")) {
      return MediumLabel.THREE_D_RENDER;
    }
    if (words.contains("photograph")
        || words.contains("photo")
        || words.contains("photography")
        || words.contains("photographic")) {
      return MediumLabel.PHOTO;
    }
    if (words.contains("painting")
        || words.contains("watercolor")
        || words.contains("oil")
        || words.contains("watercolour")
        || words.contains("acrylic")) {
      return MediumLabel.PAINTING;
    }
    if (words.contains("illustration")
        || words.contains("cartoon")
        || words.contains("anime")
        || words.contains("drawing")
        || words.contains("sketch")
        || words.contains("comic")) {
      return MediumLabel.ILLUSTRATION;
    }
    return null;
  }

  private static boolean sharesWord(String measuredLabel, String providerLabel) {
    Set<String> provider = words(providerLabel);
    return words(measuredLabel).stream()
        .filter(word -> !STOP.contains(word))
        .anyMatch(provider::contains);
  }

  private static Set<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}&-]+"))
        .filter(word -> !word.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }
}
