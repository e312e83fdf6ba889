package io.promptlens.core.compiler;

import io.promptlens.core.compiler.TargetProfile.AspectHandling;
import io.promptlens.core.compiler.TargetProfile.LengthUnit;
import io.promptlens.core.compiler.TargetProfile.Syntax;
import java.util.List;

/** The shipped target definitions. Adding a target is adding a definition here. */
final class BuiltInTargets {

  static final List<TargetProfile> ALL =
      List.of(
          new TargetProfile(
              "midjourney",
              "Midjourney v7",
              TargetKind.IMAGE,
              List.of("mj", "midjourney-v7"),
              "midjourney",
              Syntax.NATURAL,
              false,
              LengthUnit.CHARACTERS,
              6000,
              AspectHandling.PARAMETER,
              "https://docs.midjourney.com/hc/en-us/articles/31894244298125-Aspect-Ratio"),
          new TargetProfile(
              "sdxl",
              "Stable Diffusion XL",
              TargetKind.IMAGE,
              List.of("stable-diffusion-xl", "sdxl-1.0"),
              "stable-diffusion",
              Syntax.TAGS,
              true,
              LengthUnit.CLIP_TOKENS,
              75,
              AspectHandling.RESOLUTION_BUCKET,
              "https://huggingface.co/docs/diffusers/en/using-diffusers/sdxl"),
          new TargetProfile(
              "flux",
              "FLUX.1 [dev]",
              TargetKind.IMAGE,
              List.of("flux-dev", "flux.1"),
              "flux",
              Syntax.NATURAL,
              false,
              LengthUnit.T5_TOKENS,
              512,
              AspectHandling.RESOLUTION_BUCKET,
              "https://huggingface.co/black-forest-labs/FLUX.1-dev"));

  private BuiltInTargets() {}
}
