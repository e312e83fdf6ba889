package io.promptlens.app.generations;

import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.TargetProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the workbench shows of one generation, decided here rather than in the page's script: the
 * prompt with its length against the target's limit, the negative prompt, warnings, parameters,
 * variations, the "What is it?" question, the palette and the picture's overlay. The template
 * {@code workbench/result.html} only prints it.
 *
 * @param answer the API's JSON answer for the same generation, for "Download .json"
 * @param lengthUnit the target's unit as the page's script counts an edited prompt in it
 */
public record WorkbenchResult(
    UUID id,
    UUID analysisId,
    String target,
    String targetName,
    String mode,
    String prompt,
    @Nullable String negativePrompt,
    String meta,
    String lengthUnit,
    int maxLength,
    int tokens,
    List<String> warnings,
    List<Parameter> parameters,
    List<String> variations,
    boolean asksForSubject,
    String askWhy,
    boolean blur,
    List<Swatch> palette,
    String analysisMeta,
    List<String> notes,
    Overlay overlay,
    String answer) {

  /** One parameter as the page lists it: a value that is not a plain one is shown as JSON. */
  public record Parameter(String name, String value) {}

  /** One palette colour, with its share as a whole percentage. */
  public record Swatch(String hex, String name, String share) {}

  /**
   * The picture's overlay: boxes in percent of the picture (the script places them and lays out
   * their labels once the picture has its size), the names and counts of the toggles, a caption.
   */
  public record Overlay(
      boolean guesses,
      List<Shape> grid,
      List<Shape> subjects,
      List<Shape> faces,
      List<Shape> textLines,
      String caption,
      String alt) {}

  /**
   * A box or line to draw, in percent of the picture, already clamped inside it.
   *
   * @param label empty for grid lines and the subject's dot, which carry no label
   */
  public record Shape(
      String kind, String label, double left, double top, double width, double height) {

    static Shape of(String kind, String label, List<Double> box) {
      double x = clamp(box.get(0));
      double y = clamp(box.get(1));
      return new Shape(
          kind,
          label,
          x,
          y,
          Math.min(100 - x, clamp(box.get(2))),
          Math.min(100 - y, clamp(box.get(3))));
    }

    private static double clamp(double fraction) {
      return Math.min(100, Math.max(0, fraction * 100));
    }
  }

  /** Printed only when nothing named the subject, which the "What is it?" block says already. */
  static final String UNNAMED_SUBJECT_WARNING = "the subject is not named";

  static WorkbenchResult of(GenerationResponse g, TargetProfile target, JsonMapper json) {
    GenerationResponse.AnalysisSummary a = g.analysis();
    boolean asks = asksForSubject(g);
    List<String> texts = new ArrayList<>();
    if (!g.variations().isEmpty()) {
      texts.add(g.prompt());
      g.variations().forEach(v -> texts.add(v.prompt()));
    }
    return new WorkbenchResult(
        g.id(),
        g.analysisId(),
        g.target(),
        target.name(),
        g.mode().toString(),
        g.prompt(),
        g.negativePrompt(),
        "· " + length(target, g) + " · " + target.name(),
        target.lengthUnit().name(),
        target.maxLength(),
        g.tokens(),
        g.warnings().stream()
            .filter(w -> !(asks && w.startsWith(UNNAMED_SUBJECT_WARNING)))
            .toList(),
        g.parameters().entrySet().stream().map(e -> parameter(e, json)).toList(),
        List.copyOf(texts),
        asks,
        a.subjectDescribed() == null
            ? "PromptLens could not name what this picture is of, so the prompt describes only its"
                + " look."
            : "PromptLens could not name what this picture is of, so the prompt describes what it"
                + " measured: "
                + a.subjectDescribed()
                + ".",
        g.display().blur(),
        a.palette().stream().map(WorkbenchResult::swatch).toList(),
        a.width()
            + " × "
            + a.height()
            + " px · "
            + a.format().toString().toUpperCase(Locale.ROOT)
            + " · "
            + a.aspectRatio()
            + " "
            + a.orientation().toString().toLowerCase(Locale.ROOT),
        a.notes(),
        overlay(a),
        json.writeValueAsString(g));
  }

  /**
   * When nothing named the subject and the mode says what the picture is of, the page asks; the
   * answer becomes the subject control and the prompt is written again from the same analysis.
   */
  static boolean asksForSubject(GenerationResponse g) {
    String given = g.controls().subject();
    boolean needsSubject = g.mode() == Mode.FULL || g.mode() == Mode.EDIT || g.mode() == Mode.VIDEO;
    return g.analysis().subjectNamed() == null
        && (given == null || given.isBlank())
        && needsSubject;
  }

  /**
   * "12 / 75 CLIP tokens", "260 / 6000 characters": characters counted as UTF-16 units (as the
   * compiler's {@code Lengths} counts them), tokens as the compiler counted them.
   */
  static String length(TargetProfile target, GenerationResponse g) {
    int count =
        target.lengthUnit() == TargetProfile.LengthUnit.CHARACTERS
            ? g.prompt().length()
            : g.tokens();
    return count + " / " + target.maxLength() + " " + unitName(target.lengthUnit());
  }

  static String unitName(TargetProfile.LengthUnit unit) {
    return switch (unit) {
      case CHARACTERS -> "characters";
      case CLIP_TOKENS -> "CLIP tokens";
      case T5_TOKENS -> "T5 tokens";
      case TOKENS -> "tokens";
    };
  }

  private static Parameter parameter(Map.Entry<String, Object> entry, JsonMapper json) {
    Object value = entry.getValue();
    boolean plain = value instanceof String || value instanceof Number || value instanceof Boolean;
    return new Parameter(
        entry.getKey(), plain ? String.valueOf(value) : json.writeValueAsString(value));
  }

  private static Swatch swatch(PaletteColor colour) {
    return new Swatch(colour.hex(), colour.name(), Math.round(colour.share() * 100) + "%");
  }

  private static Overlay overlay(GenerationResponse.AnalysisSummary a) {
    // When nothing was confident enough to name the subject (the prompt and its warning say so),
    // the detector's boxes are shown as guesses, not as "Subjects".
    boolean unsure = a.subjectNamed() == null;
    List<Shape> grid = new ArrayList<>();
    for (double third : new double[] {1 / 3.0, 2 / 3.0}) {
      grid.add(Shape.of("grid-line grid-v", "", List.of(third, 0.0, 0.0, 1.0)));
      grid.add(Shape.of("grid-line grid-h", "", List.of(0.0, third, 1.0, 0.0)));
    }
    List<Double> main = a.subjectBox();
    if (main != null) {
      String position = a.subjectPosition() == null ? "here" : a.subjectPosition().toString();
      grid.add(Shape.of("overlay-box main-subject", "subject: " + position, main));
      double cx = main.get(0) + main.get(2) / 2;
      double cy = main.get(1) + main.get(3) / 2;
      grid.add(Shape.of("subject-dot", "", List.of(cx, cy, 0.0, 0.0)));
    }
    List<Shape> subjects =
        a.subjects().stream()
            .map(
                s ->
                    Shape.of(
                        "overlay-box subject-box", (unsure ? "guess: " : "") + label(s), s.box()))
            .toList();
    List<Shape> faces =
        a.faces().stream().map(f -> Shape.of("overlay-box face-box", label(f), f.box())).toList();
    List<Shape> lines =
        a.textLines().stream()
            .map(l -> Shape.of("overlay-box text-box", l.label(), l.box()))
            .toList();
    return new Overlay(
        unsure && !subjects.isEmpty(),
        grid,
        subjects,
        faces,
        lines,
        caption(a, unsure),
        "Your image, " + a.width() + " × " + a.height() + " px, with what was found drawn on it");
  }

  private static String caption(GenerationResponse.AnalysisSummary a, boolean unsure) {
    List<String> parts = new ArrayList<>();
    parts.add(
        "Subject position: "
            + (a.subjectPosition() == null ? "not measured" : a.subjectPosition())
            + ".");
    if (a.subjectNamed() != null) {
      parts.add("Subject: " + a.subjectNamed() + ".");
    }
    String detected = String.join(", ", a.subjects().stream().map(WorkbenchResult::label).toList());
    if (!a.subjects().isEmpty() && !unsure) {
      parts.add("Detected: " + detected + ".");
    }
    if (!a.subjects().isEmpty() && unsure) {
      parts.add(
          "No detection was confident enough to name the subject; the detector's guesses: "
              + detected
              + ".");
    }
    if (!a.faces().isEmpty()) {
      parts.add(a.faces().size() + (a.faces().size() == 1 ? " face." : " faces."));
    }
    if (!a.textLines().isEmpty()) {
      parts.add(
          a.textLines().size() + (a.textLines().size() == 1 ? " line" : " lines") + " of text.");
    }
    return String.join(" ", parts);
  }

  private static String label(GenerationResponse.Box found) {
    return found.label() + " " + Math.round(found.confidence() * 100) + "%";
  }
}
