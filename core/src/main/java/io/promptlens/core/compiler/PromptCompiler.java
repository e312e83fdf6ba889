package io.promptlens.core.compiler;

import io.promptlens.core.analysis.AspectRatios;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.compiler.TargetProfile.LengthUnit;
import io.promptlens.core.compiler.TargetProfile.Syntax;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Turns one analysis into one target's prompt. Pure, deterministic and thread-safe. */
public final class PromptCompiler {

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
   * Compiles a prompt.
   *
   * @throws UnknownTargetException when {@code target} is not a known id or alias
   */
  public PromptResult compile(ImageAnalysis analysis, String target, Mode mode, Controls controls) {
    TargetProfile profile = targets.require(target);
    Controls effective = controls == null ? Controls.defaults() : controls;
    List<String> warnings = new ArrayList<>();
    String aspect = aspect(analysis, effective);

    List<Phrase> phrases = new ArrayList<>(PhraseExtractor.extract(analysis, mode, effective));
    if (mode != Mode.STYLE && phrases.stream().noneMatch(p -> p.role() == Phrase.Role.SUBJECT)) {
      warnings.add(
          "no subject was recognised: the prompt describes the look only; name it with the"
              + " subject control or add a vision provider");
    }
    if (mode == Mode.VIDEO && profile.kind() == TargetKind.IMAGE) {
      warnings.add(
          profile.name()
              + " makes still images: use this motion prompt with an image-to-video model");
    }

    String negative = null;
    List<String> no = List.of();
    if (profile.negativePrompt() && effective.negativePrompt()) {
      negative = NegativePrompts.of(analysis, effective);
    } else if (!effective.avoid().isEmpty()) {
      if (profile.family().equals("midjourney")) {
        no = effective.avoid();
      } else {
        warnings.add(
            profile.name()
                + " takes no negative prompt; describe what you want instead (ignored: "
                + String.join(", ", effective.avoid())
                + ")");
      }
    }

    int dropped = 0;
    String prompt = render(profile, phrases, mode);
    while (TokenEstimator.count(prompt, profile.lengthUnit()) > profile.maxLength()) {
      Phrase weakest =
          phrases.stream()
              .filter(p -> p.priority() != Phrase.KEEP)
              .min(Comparator.comparingInt(Phrase::priority))
              .orElse(null);
      if (weakest == null) {
        warnings.add(
            "the prompt is longer than "
                + profile.maxLength()
                + " "
                + unitName(profile.lengthUnit())
                + " even with only the phrases you asked to keep");
        break;
      }
      phrases.remove(weakest);
      dropped++;
      prompt = render(profile, phrases, mode);
    }
    if (dropped > 0) {
      warnings.add(
          "trimmed "
              + dropped
              + " low-priority phrase"
              + (dropped == 1 ? "" : "s")
              + " to fit "
              + profile.maxLength()
              + " "
              + unitName(profile.lengthUnit()));
    }
    if (profile.lengthUnit() != LengthUnit.CHARACTERS) {
      warnings.add(
          "token count is an estimate: no "
              + (profile.lengthUnit() == LengthUnit.CLIP_TOKENS ? "CLIP" : "T5")
              + " vocabulary is bundled yet");
    }

    Map<String, Object> parameters = TargetParameters.of(profile, mode, aspect, no);
    int tokens = TokenEstimator.tokens(prompt);
    if (profile.family().equals("midjourney")) {
      prompt += TargetParameters.midjourneySuffix(parameters);
    }
    if (negative != null && negative.isEmpty()) {
      negative = null;
    }
    return new PromptResult(profile.id(), mode, prompt, negative, parameters, warnings, tokens);
  }

  private static String render(TargetProfile profile, List<Phrase> phrases, Mode mode) {
    return profile.syntax() == Syntax.TAGS
        ? TagRenderer.render(phrases, mode)
        : NaturalRenderer.render(phrases, mode);
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

  private static String unitName(LengthUnit unit) {
    return switch (unit) {
      case CLIP_TOKENS -> "CLIP tokens";
      case T5_TOKENS -> "T5 tokens";
      case CHARACTERS -> "characters";
    };
  }
}
