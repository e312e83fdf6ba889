package io.promptlens.app.generations;

import io.promptlens.app.analyses.StoredAnalysis;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.ImageFormat;
import io.promptlens.core.analysis.Orientation;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.SubjectPosition;
import io.promptlens.core.analysis.TextContent;
import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The API's view of a generation: the prompt and what it was made from, plus enough of the analysis
 * (size, palette, notes, boxes, subject position) for a client to show it without a second request.
 */
record GenerationResponse(
    UUID id,
    UUID analysisId,
    String target,
    Mode mode,
    String prompt,
    @Nullable String negativePrompt,
    Map<String, Object> parameters,
    List<String> warnings,
    Display display,
    int tokens,
    Controls controls,
    Instant createdAt,
    AnalysisSummary analysis,
    @Schema(
            description =
                "When controls.variations > 1: the other prompts, distinct wordings of the same"
                    + " analysis (the first is 'prompt'). Not stored; empty otherwise.")
        List<Variation> variations) {

  /** One more wording of the same analysis, for the same target and mode. */
  record Variation(String prompt, @Nullable String negativePrompt, int tokens) {}

  /** This answer with the prompts after the first of a variations request. */
  GenerationResponse withVariations(List<Variation> more) {
    return new GenerationResponse(
        id,
        analysisId,
        target,
        mode,
        prompt,
        negativePrompt,
        parameters,
        warnings,
        display,
        tokens,
        controls,
        createdAt,
        analysis,
        List.copyOf(more));
  }

  /**
   * How a client is to show the image: {@code blur} is true when the safety check marked it in a
   * workspace whose safety action is {@code blur} (its kept thumbnail is already blurred).
   */
  @Schema(
      description =
          "How to show the image. blur: true when the safety check marked it (suggestive or"
              + " explicit) in a workspace whose safetyAction is 'blur': show every picture of it"
              + " blurred until the user asks to see it; its stored thumbnail is already blurred."
              + " Always false in the anonymous API.")
  record Display(boolean blur) {

    static final Display SHARP = new Display(false);
    static final Display BLURRED = new Display(true);

    static Display of(boolean blur) {
      return blur ? BLURRED : SHARP;
    }
  }

  static GenerationResponse of(Generation generation, StoredAnalysis stored) {
    return new GenerationResponse(
        generation.id(),
        generation.analysisId(),
        generation.target(),
        generation.mode(),
        generation.prompt(),
        generation.negativePrompt(),
        generation.parameters(),
        generation.warnings(),
        Display.of(generation.blurred()),
        generation.tokens(),
        generation.controls(),
        generation.createdAt(),
        AnalysisSummary.of(stored),
        List.of());
  }

  /**
   * The parts of an analysis a prompt page shows next to the prompt: size, palette and notes, and
   * what the page draws over the picture. Boxes are normalised {@code [x, y, w, h]} (0–1, origin
   * top left) exactly as in the analysis JSON ({@code subjects[].box}, {@code people.faces[].box},
   * {@code text.lines[].box}, {@code composition.subjectBox}). {@code subjectNamed} is null when
   * nothing named the subject: the page then asks the person what it is.
   */
  record AnalysisSummary(
      UUID id,
      int width,
      int height,
      ImageFormat format,
      Orientation orientation,
      String aspectRatio,
      List<PaletteColor> palette,
      List<String> notes,
      @Nullable SubjectPosition subjectPosition,
      @Nullable List<Double> subjectBox,
      List<Box> subjects,
      List<Box> faces,
      List<Box> textLines,
      @Nullable String subjectNamed,
      @Nullable String subjectDescribed) {

    static AnalysisSummary of(StoredAnalysis stored) {
      ImageAnalysis analysis = stored.analysis();
      Composition composition = analysis.composition();
      People people = analysis.people();
      TextContent text = analysis.text();
      return new AnalysisSummary(
          stored.id(),
          analysis.image().width(),
          analysis.image().height(),
          analysis.image().format(),
          analysis.image().orientation(),
          analysis.image().aspectRatio(),
          analysis.color().palette(),
          analysis.notes(),
          composition == null ? null : composition.subjectPosition(),
          composition == null ? null : Box.valid(composition.subjectBox()),
          analysis.subjects().stream()
              .map(s -> new Box(s.label(), s.confidence(), s.box()))
              .filter(Box::drawable)
              .toList(),
          people == null
              ? List.of()
              : people.faces().stream()
                  .map(f -> new Box(faceLabel(f), f.confidence(), f.box()))
                  .filter(Box::drawable)
                  .toList(),
          text == null
              ? List.of()
              : text.lines().stream()
                  .map(l -> new Box(l.text(), l.confidence(), l.box()))
                  .filter(Box::drawable)
                  .toList(),
          analysis.subject().hasName() ? analysis.subject().named() : null,
          analysis.subject().described());
    }

    private static String faceLabel(People.Face face) {
      return Stream.of("face", face.ageRange(), face.expression())
          .filter(part -> part != null && !part.isBlank())
          .collect(Collectors.joining(" · "));
    }
  }

  /** One thing to draw: its label, confidence (0–1) and normalised {@code [x, y, w, h]}. */
  record Box(String label, double confidence, List<Double> box) {

    boolean drawable() {
      return valid(box) != null;
    }

    static @Nullable List<Double> valid(@Nullable List<Double> box) {
      if (box == null
          || box.size() != 4
          || box.stream().anyMatch(v -> v == null || !Double.isFinite(v))) {
        return null;
      }
      return box;
    }
  }
}
