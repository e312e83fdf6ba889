package io.promptlens.core.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.Contrast;
import io.promptlens.core.analysis.DepthOfField;
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
import io.promptlens.core.analysis.Saturation;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.ShotScale;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.SubjectPosition;
import io.promptlens.core.analysis.Temperature;
import io.promptlens.core.analysis.TextContent;
import io.promptlens.core.compiler.TargetProfile.CameraSyntax;
import io.promptlens.core.compiler.TargetProfile.LengthUnit;
import io.promptlens.core.compiler.TargetProfile.ParameterStyle;
import io.promptlens.core.compiler.TargetProfile.WeightSyntax;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of every compilation over random analyses and controls, for every target and mode:
 * within the limit, only syntax the target accepts, anatomy that points at the prompt, and the same
 * output for the same input. Labels and text include strings that look like other targets' syntax,
 * as a vision model's output or a user's typing might.
 */
class CompilerPropertiesTest {

  private static final PromptCompiler COMPILER = new PromptCompiler();

  /** {@code (phrase:1.2)}: Stable Diffusion weight syntax. */
  private static final Pattern WEIGHT = Pattern.compile("\\([^()]*:\\s*[0-9.]+\\)");

  /** Strings that carry some target's syntax; cleaning must defuse them everywhere. */
  private static final List<String> TRICKY =
      List.of(
          "--ar 9:16",
          "red fox --v 6",
          "(masterpiece:1.4)",
          "[Push in]",
          "{subject}",
          "<lora:x:1>",
          "cat::2 dog",
          "—— dash",
          "line\nbreak",
          "über café 東京",
          "a \"quoted\" sign",
          "  ",
          "");

  @Property(tries = 400)
  void neverExceedsTheLimitAndOnlyUsesSyntaxTheTargetAccepts(
      @ForAll("analyses") ImageAnalysis analysis,
      @ForAll("targets") TargetProfile target,
      @ForAll Mode mode,
      @ForAll("controls") Controls controls) {
    PromptResult result = COMPILER.compile(analysis, target.id(), mode, controls);
    String prompt = result.prompt();
    int limit =
        controls.maxLength() == null
            ? target.maxLength()
            : Math.min(controls.maxLength(), target.maxLength());

    if (target.parameterStyle() == ParameterStyle.INLINE_FLAGS) {
      // The flags are written whole; the text before them gets what is left of the limit.
      int flags = prompt.indexOf(" --");
      assertThat(flags).isPositive();
      int flagLength = prompt.length() - flags;
      assertThat(flags).isLessThanOrEqualTo(Math.max(1, limit - flagLength));
      assertThat(prompt.substring(0, flags)).doesNotContain("--", "::");
    } else {
      assertThat(Lengths.count(prompt, target.lengthUnit())).isLessThanOrEqualTo(limit);
      assertThat(prompt).doesNotContain("--");
    }
    if (target.weightSyntax() == WeightSyntax.NONE || !controls.weights()) {
      assertThat(WEIGHT.matcher(prompt).find()).as("weights in " + prompt).isFalse();
    }
    boolean commands =
        mode == Mode.VIDEO && target.video().cameraSyntax() == CameraSyntax.BRACKETED;
    if (!commands) {
      assertThat(prompt).doesNotContain("[", "]");
    }
    assertThat(prompt).doesNotContain("<", ">", "\n");
    if (!target.negativePrompt()) {
      assertThat(result.negativePrompt()).isNull();
    } else if (result.negativePrompt() != null) {
      assertThat(Lengths.count(result.negativePrompt(), target.lengthUnit()))
          .isLessThanOrEqualTo(target.negativeMaxLength());
    }
    boolean cut = result.warnings().stream().anyMatch(w -> w.contains("was cut"));
    if (mode == Mode.STYLE && !cut) {
      assertThat(prompt.split("\\{subject}", -1)).hasSize(2);
    }
    assertThat(prompt).isNotBlank();
    assertThat(result.tokens()).isGreaterThanOrEqualTo(0);
    if (target.lengthUnit() == LengthUnit.CLIP_TOKENS) {
      assertThat(result.tokens()).isLessThanOrEqualTo(limit);
    }
  }

  @Property(tries = 200)
  void anatomyPointsAtThePromptAndCompilingTwiceGivesTheSameResult(
      @ForAll("analyses") ImageAnalysis analysis,
      @ForAll("targets") TargetProfile target,
      @ForAll Mode mode,
      @ForAll("controls") Controls controls) {
    PromptResult first = COMPILER.compile(analysis, target.id(), mode, controls);
    PromptResult second = COMPILER.compile(analysis, target.id(), mode, controls);

    assertThat(second).isEqualTo(first);
    int previousEnd = 0;
    for (PhraseSpan span : first.anatomy()) {
      assertThat(first.prompt().substring(span.start(), span.end())).isEqualTo(span.text());
      assertThat(span.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(span.source()).isNotBlank();
      previousEnd = span.end();
    }
  }

  @Property(tries = 100)
  void variationsAreDistinctSeededAndStartWithTheCanonicalPrompt(
      @ForAll("analyses") ImageAnalysis analysis,
      @ForAll("targets") TargetProfile target,
      @ForAll Mode mode,
      @ForAll("controls") Controls base) {
    Controls controls = base.withVariations(4, 42);
    List<PromptResult> results = COMPILER.compileVariations(analysis, target.id(), mode, controls);

    assertThat(results).isNotEmpty().hasSizeLessThanOrEqualTo(4);
    assertThat(results.stream().map(PromptResult::prompt).distinct()).hasSize(results.size());
    PromptResult canonical = COMPILER.compile(analysis, target.id(), mode, controls);
    assertThat(results.get(0).prompt()).isEqualTo(canonical.prompt());
    assertThat(results.get(0).anatomy()).isEqualTo(canonical.anatomy());
    assertThat(COMPILER.compileVariations(analysis, target.id(), mode, controls))
        .isEqualTo(results);
  }

  @Provide
  Arbitrary<TargetProfile> targets() {
    return Arbitraries.of(COMPILER.targets().all());
  }

  @Provide
  Arbitrary<ImageAnalysis> analyses() {
    Arbitrary<ImageInfo> image =
        Combinators.combine(
                Arbitraries.integers().between(16, 9000), Arbitraries.integers().between(16, 9000))
            .as((w, h) -> ImageInfo.of(w, h, ImageFormat.JPEG));
    Arbitrary<ColorAnalysis> color =
        Combinators.combine(
                Arbitraries.of(true, false),
                palette().list().ofMaxSize(8),
                Arbitraries.of(Temperature.class),
                Arbitraries.of(Saturation.class))
            .as(
                (gray, palette, temperature, saturation) ->
                    ColorAnalysis.of(gray, palette, temperature, saturation, 0.1, 0.8));
    Arbitrary<LightAnalysis> light =
        Combinators.combine(Arbitraries.of(LightKey.class), Arbitraries.of(Contrast.class))
            .as((key, contrast) -> LightAnalysis.of(key, contrast, 0.4, 0.2, 0.8));
    Arbitrary<Focus> focus =
        Arbitraries.of(DepthOfField.class).injectNull(0.4).map(d -> Focus.of(null, d));
    Arbitrary<Composition> composition =
        Combinators.combine(
                Arbitraries.of(SubjectPosition.class).injectNull(0.4),
                Arbitraries.of(ShotScale.class).injectNull(0.4))
            .as(Composition::of);
    Arbitrary<Subject> subject =
        Combinators.combine(
                label(),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 0.5),
                Arbitraries.doubles().between(0, 0.5),
                Arbitraries.doubles().between(0.01, 0.5),
                Arbitraries.doubles().between(0.01, 0.5))
            .as((l, c, x, y, w, h) -> new Subject(l, c, List.of(x, y, w, h), "property"));
    Arbitrary<Scene> scene =
        Combinators.combine(label(), Arbitraries.doubles().between(0, 1))
            .as((name, confidence) -> new Scene.Label(name, confidence, null))
            .list()
            .ofMaxSize(6)
            .map(Scene::new);
    return Builders.withBuilder(Draft::new)
        .use(image)
        .in(
            (d, v) -> {
              d.image = v;
              return d;
            })
        .use(color)
        .in(
            (d, v) -> {
              d.color = v;
              return d;
            })
        .use(light)
        .in(
            (d, v) -> {
              d.light = v;
              return d;
            })
        .use(Arbitraries.of(MediumLabel.class))
        .in(
            (d, v) -> {
              d.medium = v;
              return d;
            })
        .use(focus)
        .in(
            (d, v) -> {
              d.focus = v;
              return d;
            })
        .use(composition)
        .in(
            (d, v) -> {
              d.composition = v;
              return d;
            })
        .use(subject.list().ofMaxSize(4))
        .in(
            (d, v) -> {
              d.subjects = v;
              return d;
            })
        .use(scene)
        .in(
            (d, v) -> {
              d.scene = v;
              return d;
            })
        .use(Arbitraries.integers().between(0, 4))
        .in(
            (d, v) -> {
              d.people = v;
              return d;
            })
        .use(label())
        .in(
            (d, v) -> {
              d.text = v;
              return d;
            })
        .build(Draft::analysis);
  }

  @Provide
  Arbitrary<Controls> controls() {
    return Builders.withBuilder(() -> new Controls(null, false, true, null, null, null, null))
        .use(Arbitraries.of(Detail.class))
        .in((c, v) -> copy(c, v, null, null, null))
        .use(Arbitraries.of(true, false))
        .in((c, v) -> c.withWeights(v))
        .use(Arbitraries.of(true, false))
        .in((c, v) -> c.withCameraTerms(v))
        .use(Arbitraries.integers().between(Controls.MIN_MAX_LENGTH, 400).injectNull(0.6))
        .in(Controls::withMaxLength)
        .use(Arbitraries.of("16:9", "1:1", "9:21", "3:2").injectNull(0.7))
        .in((c, v) -> copy(c, c.detail(), v, c.subject(), null))
        .use(label().injectNull(0.7))
        .in((c, v) -> copy(c, c.detail(), c.aspect(), v, null))
        .use(label().list().ofMaxSize(3))
        .in((c, v) -> copy(c, c.detail(), c.aspect(), c.subject(), v))
        .build();
  }

  private static Controls copy(
      Controls c, Detail detail, String aspect, String subject, List<String> keepAndAvoid) {
    List<String> keep =
        keepAndAvoid == null ? c.keep() : keepAndAvoid.subList(0, keepAndAvoid.size() / 2);
    List<String> avoid =
        keepAndAvoid == null
            ? c.avoid()
            : keepAndAvoid.subList(keepAndAvoid.size() / 2, keepAndAvoid.size());
    return new Controls(
        detail,
        !c.paletteHex(),
        c.negativePrompt(),
        aspect,
        subject,
        keep,
        avoid,
        c.cameraTerms(),
        c.weights(),
        c.maxLength(),
        c.variations(),
        c.seed());
  }

  private static Arbitrary<String> label() {
    return Arbitraries.oneOf(
        Arbitraries.of(TRICKY),
        Arbitraries.of("red fox", "woman", "sky", "city street", "forest", "lake", "the sign"),
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars(' ', '-', ':', '(', ')')
            .ofMaxLength(40));
  }

  private static Arbitrary<PaletteColor> palette() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 0xFFFFFF),
            label(),
            Arbitraries.doubles().between(0, 1))
        .as((rgb, name, share) -> new PaletteColor(String.format("#%06X", rgb), name, share));
  }

  /** Mutable holder for building an analysis from independent parts. */
  static final class Draft {
    ImageInfo image;
    ColorAnalysis color;
    LightAnalysis light;
    MediumLabel medium;
    Focus focus;
    Composition composition;
    List<Subject> subjects;
    Scene scene;
    int people;
    String text;

    ImageAnalysis analysis() {
      return ImageAnalysis.builder()
          .image(image)
          .color(color)
          .light(light)
          .medium(Medium.of(medium, 0.7))
          .focus(focus)
          .composition(composition)
          .subjects(subjects)
          .scene(scene)
          .people(new People(people, List.of()))
          .text(new TextContent(text, List.of()))
          .notes(List.of())
          .provenance(List.of())
          .build();
    }
  }
}
