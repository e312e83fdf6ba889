package io.promptlens.app.presets;

import io.promptlens.app.workspaces.WorkspaceProblem;
import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.Contrast;
import io.promptlens.core.analysis.Focus;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.ImageFormat;
import io.promptlens.core.analysis.ImageInfo;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Provenance;
import io.promptlens.core.analysis.Saturation;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.SubjectPosition;
import io.promptlens.core.analysis.Temperature;
import io.promptlens.core.analysis.TextContent;
import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Detail;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.core.compiler.PromptResult;
import io.promptlens.vision.color.ColorNames;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A style applied to a new subject: the style is turned into the analysis of an imagined picture
 * (its palette, light, medium, lens and composition, nothing else), and the ordinary compiler
 * writes the prompt for any target and mode, with the subject, the mood and lens kept, and the
 * style's avoid list as negatives. So a preset prompt reads exactly like one from an image.
 */
final class StyleApplier {

  static final String VERSION = "1";
  private static final ColorNames NAMES = ColorNames.xkcd();

  private StyleApplier() {}

  /**
   * {@link #apply} as a person asked it: a choice that does not parse or compile (an unknown mode,
   * detail, aspect or, where the caller parses it inside, target) is their mistake, answered 400
   * with the reason, by the API and the preset page alike.
   */
  static PromptResult asked(Supplier<PromptResult> application) {
    try {
      return application.get();
    } catch (IllegalArgumentException e) {
      throw WorkspaceProblem.badRequest(e.getMessage());
    }
  }

  static PromptResult apply(
      PromptCompiler compiler,
      Presets.Preset preset,
      String subject,
      String target,
      Mode mode,
      @Nullable Detail detail,
      @Nullable String aspect) {
    StyleSpec style = preset.style();
    List<PaletteColor> palette =
        style.palette().stream()
            .map(
                s ->
                    new PaletteColor(
                        s.hex(),
                        NAMES.nameOf(Integer.parseInt(s.hex().substring(1), 16)),
                        s.weight()))
            .toList();
    ImageAnalysis imagined =
        ImageAnalysis.builder()
            .image(ImageInfo.of(1024, 1024, ImageFormat.PNG))
            .color(ColorAnalysis.of(false, palette, Temperature.UNKNOWN, Saturation.UNKNOWN, 0, 1))
            .light(
                LightAnalysis.of(
                    wire(LightKey.values(), style.lightKey(), LightKey.UNKNOWN),
                    wire(Contrast.values(), style.contrast(), Contrast.UNKNOWN),
                    0.5,
                    0.2,
                    1))
            .medium(Medium.of(wire(MediumLabel.values(), style.medium(), MediumLabel.UNKNOWN), 1))
            .focus(Focus.unknown())
            .composition(Composition.of(named(SubjectPosition.values(), style.composition()), null))
            .scene(Scene.empty())
            .people(People.none())
            .text(TextContent.none())
            .provenance(List.of(new Provenance("style-preset", VERSION, preset.name())))
            .build();
    List<String> keep = new ArrayList<>(style.mood());
    if (style.lens() != null) {
      keep.add(style.lens());
    }
    Controls controls =
        new Controls(
            detail == null ? Detail.MEDIUM : detail,
            false,
            true,
            aspect == null || aspect.isBlank() ? null : aspect.strip(),
            subject,
            keep,
            style.avoid());
    return compiler.compile(imagined, target, mode, controls);
  }

  private static <E extends Enum<E>> E wire(E[] values, @Nullable String name, E unknown) {
    E value = named(values, name);
    return value == null ? unknown : value;
  }

  /** The value whose wire name is {@code name}, or null (a preset saved before it was checked). */
  private static <E extends Enum<E>> @Nullable E named(E[] values, @Nullable String name) {
    for (E value : values) {
      if (value.toString().equals(name)) {
        return value;
      }
    }
    return null;
  }
}
