package io.promptlens.core.compiler;

import io.promptlens.core.analysis.AspectRatios;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.compiler.Phrase.Role;
import io.promptlens.core.compiler.TargetProfile.EditStyle;
import io.promptlens.core.compiler.TargetProfile.LengthUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one analysis into one target's prompt. Pure, deterministic and thread-safe: the phrases
 * come from {@link PhraseExtractor} (plus {@link MotionPlanner} in video mode), a {@link Renderer}
 * chosen from the target's data writes them, {@link LengthFitter} drops the weakest until the
 * target's limit holds, and {@link TargetParameters} adds the target's parameters.
 */
public final class PromptCompiler {

  /**
   * Said when nothing names the subject: the prompt then describes its measured form, or only the
   * look. Front ends may word it for their own controls.
   */
  public static final String UNNAMED_SUBJECT =
      "the subject is not named: the prompt describes only what was measured (its size, place,"
          + " colour and shape); name it with the subject control or a vision-language provider";

  private final TargetRegistry targets;

  public PromptCompiler(TargetRegistry targets) {
    this.targets = targets;
  }

  public PromptCompiler() {
    this(TargetRegistry.builtIn());
  }

  public TargetRegistry targets() {
    return targets;
  }

  /**
   * Compiles the canonical prompt.
   *
   * @throws UnknownTargetException when {@code target} is not a known id or alias
   * @throws IllegalArgumentException when the aspect override is not W:H
   */
  public PromptResult compile(ImageAnalysis analysis, String target, Mode mode, Controls controls) {
    Controls effective = controls == null ? Controls.defaults() : controls;
    return compile(analysis, targets.require(target), mode, effective, 0);
  }

  /**
   * Compiles {@code controls.variations()} distinct prompts: the canonical one first, then
   * variations whose wording, phrase order and (in video mode) camera move are drawn from {@code
   * controls.seed()}. The same inputs always give the same list. When the analysis holds too little
   * to word it that many ways, fewer come back and the last one's warnings say so.
   */
  public List<PromptResult> compileVariations(
      ImageAnalysis analysis, String target, Mode mode, Controls controls) {
    Controls effective = controls == null ? Controls.defaults() : controls;
    TargetProfile profile = targets.require(target);
    List<PromptResult> results = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    int wanted = effective.variations();
    // A few draws per wanted prompt find distinct wordings whenever the phrases allow them.
    for (int variation = 0; variation < wanted * 8 && results.size() < wanted; variation++) {
      PromptResult result = compile(analysis, profile, mode, effective, variation);
      if (seen.add(result.prompt())) {
        results.add(result);
      }
    }
    if (results.size() < wanted) {
      PromptResult last = results.remove(results.size() - 1);
      List<String> warnings = new ArrayList<>(last.warnings());
      warnings.add(
          "only "
              + (results.size() + 1)
              + " distinct prompts could be worded from this analysis ("
              + wanted
              + " asked)");
      results.add(
          new PromptResult(
              last.target(),
              last.mode(),
              last.prompt(),
              last.negativePrompt(),
              last.parameters(),
              warnings,
              last.tokens(),
              last.anatomy()));
    }
    return List.copyOf(results);
  }

  private PromptResult compile(
      ImageAnalysis analysis, TargetProfile profile, Mode mode, Controls controls, int variation) {
    List<String> warnings = new ArrayList<>();
    String aspect = aspect(analysis, controls);
    RenderContext context = new RenderContext(profile, mode, controls, variation);
    List<String> avoid =
        controls.avoid().stream().map(Texts::clean).filter(a -> !a.isEmpty()).toList();

    List<Phrase> phrases =
        new ArrayList<>(PhraseExtractor.extract(analysis, mode, controls, profile));
    if (mode != Mode.STYLE
        && phrases.stream()
            .noneMatch(
                p ->
                    p.role() == Role.SUBJECT
                        && (p.source().equals("subject.named")
                            || p.source().equals("controls.subject")))) {
      warnings.add(UNNAMED_SUBJECT);
    }
    int duration = profile.kind() == TargetKind.VIDEO ? MotionPlanner.duration(profile) : 0;
    if (mode == Mode.VIDEO) {
      MotionPlanner.Plan plan = MotionPlanner.plan(analysis, phrases, profile, context.phrasing());
      phrases.addAll(plan.phrases());
      if (plan.defaulted()) {
        warnings.add(
            "composition, focus and subjects are unknown, so the camera move is a default slow"
                + " push-in");
      }
      if (profile.kind() == TargetKind.IMAGE) {
        warnings.add(
            profile.name()
                + " makes still images: use this motion prompt with an image-to-video model");
      }
    }
    if (profile.kind() == TargetKind.VIDEO && (mode == Mode.FULL || mode == Mode.STYLE)) {
      warnings.add(
          profile.name()
              + " animates an input image: this prompt describes a picture (for text-to-video or"
              + " a first frame); video mode writes the motion prompt");
    }
    boolean instruction = mode == Mode.EDIT && profile.editStyle() == EditStyle.INSTRUCTION;
    if (mode == Mode.EDIT) {
      editNotes(profile, controls, avoid, instruction, warnings);
    }

    String negative = null;
    List<String> avoidParameter = List.of();
    if (instruction) {
      for (int i = 0; i < avoid.size(); i++) {
        phrases.add(new Phrase(avoid.get(i), Role.AVOID, Phrase.KEEP, "controls.avoid[" + i + "]"));
      }
    } else if (profile.negativePrompt() && controls.negativePrompt()) {
      negative = NegativePrompts.of(analysis, avoid, profile, context);
    } else if (!avoid.isEmpty()) {
      if (profile.avoidParameter() != null) {
        avoidParameter = avoid;
      } else {
        warnings.add(
            profile.name()
                + " takes no negative prompt; describe what you want instead (ignored: "
                + String.join(", ", avoid)
                + ")");
      }
    }

    Map<String, Object> parameters =
        TargetParameters.of(
            profile,
            mode,
            aspect,
            analysis.medium().label(),
            controls,
            avoidParameter,
            mode == Mode.VIDEO || profile.kind() == TargetKind.VIDEO ? duration : 0,
            warnings);
    String flags = TargetParameters.inlineFlags(profile, parameters);
    LengthUnit unit = profile.lengthUnit();
    int limit = limit(profile, controls, warnings);
    // Flags count against a character limit; token limits are for the text encoder, which never
    // sees them.
    int budget = unit == LengthUnit.CHARACTERS ? Math.max(1, limit - flags.length()) : limit;

    Renderer renderer = Renderer.of(profile, mode);
    LengthFitter.Fitted fitted = LengthFitter.fit(phrases, renderer, context, unit, budget);
    String text = fitted.prompt().toString();
    if (fitted.dropped() > 0) {
      warnings.add(
          "trimmed "
              + fitted.dropped()
              + " low-priority phrase"
              + (fitted.dropped() == 1 ? "" : "s")
              + " to fit "
              + limit
              + " "
              + Lengths.name(unit));
    }
    if (fitted.cut()) {
      warnings.add(
          "what must stay (the subject, the phrases you asked to keep, or the last phrase left)"
              + " is longer than "
              + limit
              + " "
              + Lengths.name(unit)
              + ": the prompt was cut at the last word that fits");
    }
    // CLIP lengths are exact (SDXL's two encoders share one BPE vocabulary, so one count serves
    // both); T5 and hosted-model lengths are estimates and say so.
    if (Lengths.estimated(unit)) {
      warnings.add(
          unit == LengthUnit.T5_TOKENS
              ? "token count is an estimate: no T5 vocabulary is bundled"
              : "token count is an estimate: the model's own tokenizer is not public");
    }
    return new PromptResult(
        profile.id(),
        mode,
        text + flags,
        negative,
        parameters,
        warnings,
        Lengths.tokens(text, unit),
        fitted.prompt().spans());
  }

  private static void editNotes(
      TargetProfile profile,
      Controls controls,
      List<String> avoid,
      boolean instruction,
      List<String> warnings) {
    if (instruction && controls.subject() == null && avoid.isEmpty()) {
      warnings.add(
          "no change was asked: replace {edit} with the change, or set the subject or avoid"
              + " control");
    } else if (profile.editStyle() == EditStyle.PROMPT_ONLY) {
      warnings.add(
          profile.name()
              + " takes no image to edit here: this prompt describes the edited picture to"
              + " generate anew");
    }
  }

  /** The target's limit, or the user's lower one. */
  private static int limit(TargetProfile profile, Controls controls, List<String> warnings) {
    Integer wanted = controls.maxLength();
    if (wanted == null) {
      return profile.maxLength();
    }
    if (wanted > profile.maxLength()) {
      warnings.add(
          "maximum length "
              + wanted
              + " is above "
              + profile.name()
              + "'s limit: used "
              + profile.maxLength()
              + " "
              + Lengths.name(profile.lengthUnit()));
      return profile.maxLength();
    }
    return wanted;
  }

  private static String aspect(ImageAnalysis analysis, Controls controls) {
    if (controls.aspect() == null) {
      return analysis.image().aspectRatio();
    }
    if (!controls.aspect().matches("[1-9][0-9]{0,3}:[1-9][0-9]{0,3}")) {
      throw new IllegalArgumentException(
          "aspect must be W:H with whole numbers, like 16:9 (got '" + controls.aspect() + "')");
    }
    AspectRatios.value(controls.aspect());
    return controls.aspect();
  }
}
