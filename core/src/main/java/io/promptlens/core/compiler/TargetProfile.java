package io.promptlens.core.compiler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One target model's dialect, as data: how its prompts are written, how long they may be and how
 * that length is counted, whether it takes a negative prompt, which parameters it takes, how the
 * aspect ratio reaches it, what edit and video mode produce for it, and where each rule comes from.
 * The compiler's strategies are chosen from these fields, never from the id, so adding a target is
 * adding a definition to {@link BuiltInTargets}.
 *
 * @param id stable id used by the CLI and the API
 * @param name human name with the model version
 * @param kind still image or video
 * @param aliases other ids accepted for the same target
 * @param family model family (for example "stable-diffusion"), for grouping only
 * @param modelVersion the model version the rules were written for
 * @param syntax natural-language sentences, comma-separated tags, or a natural lead plus tags
 * @param weightSyntax how a phrase may be weighted, {@code NONE} where the target rejects weights
 * @param negativePrompt whether the target accepts a separate negative prompt
 * @param negativeMaxLength the negative prompt's limit, in {@code lengthUnit}
 * @param lengthUnit how the target counts prompt length
 * @param maxLength the most units a prompt may have before the target truncates or refuses it
 * @param aspect how the image's aspect ratio reaches the target
 * @param parameterStyle whether parameters are API fields or flags written into the prompt
 * @param defaults fixed parameters every prompt for this target carries, in order
 * @param avoidParameter parameter that carries the avoid list where there is no negative prompt
 *     (Midjourney's {@code no}); null where the avoid list cannot be passed
 * @param qualityTags tags the target's model card asks for at the start of every prompt
 * @param negativeDefaults terms the target's documentation puts in every negative prompt
 * @param vocabulary the words tags are written in
 * @param editStyle what edit mode produces
 * @param video durations and camera syntax for image-to-video, {@link VideoSpec#NONE} for stills
 * @param docs the public documentation the rules were taken from
 */
public record TargetProfile(
    String id,
    String name,
    TargetKind kind,
    List<String> aliases,
    String family,
    String modelVersion,
    Syntax syntax,
    WeightSyntax weightSyntax,
    boolean negativePrompt,
    int negativeMaxLength,
    LengthUnit lengthUnit,
    int maxLength,
    AspectSpec aspect,
    ParameterStyle parameterStyle,
    Map<String, Object> defaults,
    @Nullable String avoidParameter,
    List<String> qualityTags,
    List<String> negativeDefaults,
    TagVocabulary vocabulary,
    EditStyle editStyle,
    VideoSpec video,
    @Nullable String docs) {

  public TargetProfile {
    aliases = List.copyOf(aliases);
    qualityTags = List.copyOf(qualityTags);
    negativeDefaults = List.copyOf(negativeDefaults);
    defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    if (maxLength <= 0 || negativeMaxLength <= 0) {
      throw new IllegalArgumentException(id + ": length limits must be positive");
    }
    if (kind == TargetKind.VIDEO && video.durations().isEmpty()) {
      throw new IllegalArgumentException(id + ": a video target needs its supported durations");
    }
    if (docs == null || !docs.startsWith("https://")) {
      throw new IllegalArgumentException(id + ": every target cites its documentation");
    }
  }

  /** Starts a definition; unset fields take the defaults documented on {@link Builder}. */
  public static Builder builder(String id, String name, TargetKind kind) {
    return new Builder(id, name, kind);
  }

  /** How prompts are written for a target. */
  public enum Syntax {
    /** Sentences, as a person would describe the picture. */
    NATURAL,
    /** Comma-separated phrases, most important first. */
    TAGS,
    /** A short natural-language lead ("a photograph of a fox") followed by tags. */
    HYBRID
  }

  /** How a phrase's weight is written. */
  public enum WeightSyntax {
    /** The target has no weight syntax; parentheses and colons are read literally. */
    NONE,
    /** {@code (phrase:1.2)}, as AUTOMATIC1111 and ComfyUI read it; literal parentheses escaped. */
    PARENTHESES
  }

  /** The unit a target's length limit is counted in. */
  public enum LengthUnit {
    /** CLIP byte-pair tokens, counted with the bundled CLIP vocabulary. */
    CLIP_TOKENS,
    /** T5 SentencePiece tokens, estimated (no T5 vocabulary is bundled). */
    T5_TOKENS,
    /** A hosted model's own tokens (Gemini, Imagen, Veo), estimated. */
    TOKENS,
    /** UTF-16 characters, as the APIs that state a character limit count them. */
    CHARACTERS
  }

  /** How the aspect ratio is passed to a target. */
  public enum AspectHandling {
    /** As a prompt parameter holding the ratio itself, like Midjourney's {@code --ar W:H}. */
    PARAMETER,
    /** As the nearest of the ratios the target lists. */
    NEAREST_RATIO,
    /** As the nearest of the output sizes the target lists. */
    NEAREST_SIZE,
    /** As a width and height from the target's training buckets, or about the bucket area. */
    RESOLUTION_BUCKET,
    /** Not at all: the output follows the input image (image-to-video). */
    FROM_INPUT
  }

  /** Whether parameters are structured fields or written into the prompt text. */
  public enum ParameterStyle {
    /** API fields; the prompt text carries none. */
    FIELDS,
    /** {@code --name value} flags at the end of the prompt (Midjourney). */
    INLINE_FLAGS
  }

  /** The words tags are written in. */
  public enum TagVocabulary {
    /** Plain English phrases. */
    PLAIN,
    /** Danbooru-style tags, as anime SDXL fine-tunes (Pony, Illustrious) were trained on. */
    BOORU
  }

  /** What edit (image-to-image) mode produces. */
  public enum EditStyle {
    /** An instruction ("Replace X with Y, keep ...") for instruction-following editors. */
    INSTRUCTION,
    /** A description of the wanted image plus a denoising strength, for img2img pipelines. */
    IMG2IMG,
    /** A description to regenerate from; the target has no image input for editing. */
    PROMPT_ONLY
  }

  /** How a video target reads camera moves. */
  public enum CameraSyntax {
    /** Plain words ("the camera slowly pushes in"). */
    PLAIN,
    /** Bracketed commands the model was trained on ("[Push in]"), as MiniMax Hailuo documents. */
    BRACKETED
  }

  /**
   * Aspect handling with its data.
   *
   * @param handling how the ratio reaches the target
   * @param key the parameter name for {@link AspectHandling#PARAMETER} and {@code NEAREST_RATIO}
   * @param options ratios ("16:9") or sizes ("1024x1024") the target lists; for {@code
   *     RESOLUTION_BUCKET} with no options the size is computed from {@code bucketSide}
   * @param bucketSide the side of the square whose area computed buckets keep (1024 for ~1 MP)
   * @param step computed bucket sides are multiples of this
   */
  public record AspectSpec(
      AspectHandling handling, String key, List<String> options, int bucketSide, int step) {

    public AspectSpec {
      options = List.copyOf(options);
    }

    static AspectSpec parameter(String key) {
      return new AspectSpec(AspectHandling.PARAMETER, key, List.of(), 0, 0);
    }

    static AspectSpec ratios(String... ratios) {
      return new AspectSpec(AspectHandling.NEAREST_RATIO, "aspectRatio", List.of(ratios), 0, 0);
    }

    static AspectSpec sizes(String... sizes) {
      return new AspectSpec(AspectHandling.NEAREST_SIZE, "size", List.of(sizes), 0, 0);
    }

    static AspectSpec buckets(String... sizes) {
      return new AspectSpec(AspectHandling.RESOLUTION_BUCKET, "size", List.of(sizes), 0, 0);
    }

    static AspectSpec area(int side, int step) {
      return new AspectSpec(AspectHandling.RESOLUTION_BUCKET, "size", List.of(), side, step);
    }

    static AspectSpec fromInput() {
      return new AspectSpec(AspectHandling.FROM_INPUT, "", List.of(), 0, 0);
    }
  }

  /**
   * What a video target accepts.
   *
   * @param durations the clip lengths in seconds the target offers, ascending
   * @param describeFrame whether the prompt should describe the input frame; false where the
   *     documentation says to describe motion only (Runway Gen-4)
   * @param cameraSyntax how camera moves are written
   */
  public record VideoSpec(
      List<Integer> durations, boolean describeFrame, CameraSyntax cameraSyntax) {

    /** For still-image targets. */
    public static final VideoSpec NONE = new VideoSpec(List.of(), true, CameraSyntax.PLAIN);

    public VideoSpec {
      durations = List.copyOf(durations);
    }
  }

  /**
   * Builds a {@link TargetProfile}. Defaults: family = id, syntax NATURAL, no weights, no negative
   * prompt, 1,000 characters, aspect as the nearest of the common ratios, parameters as fields, no
   * quality tags, plain vocabulary, edit PROMPT_ONLY, no video.
   */
  public static final class Builder {
    private final String id;
    private final String name;
    private final TargetKind kind;
    private List<String> aliases = List.of();
    private String family;
    private String modelVersion = "";
    private Syntax syntax = Syntax.NATURAL;
    private WeightSyntax weightSyntax = WeightSyntax.NONE;
    private boolean negativePrompt;
    private int negativeMaxLength;
    private LengthUnit lengthUnit = LengthUnit.CHARACTERS;
    private int maxLength = 1000;
    private AspectSpec aspect = AspectSpec.parameter("aspectRatio");
    private ParameterStyle parameterStyle = ParameterStyle.FIELDS;
    private final Map<String, Object> defaults = new LinkedHashMap<>();
    private @Nullable String avoidParameter;
    private List<String> qualityTags = List.of();
    private List<String> negativeDefaults = List.of();
    private TagVocabulary vocabulary = TagVocabulary.PLAIN;
    private EditStyle editStyle = EditStyle.PROMPT_ONLY;
    private VideoSpec video = VideoSpec.NONE;
    private @Nullable String docs;

    private Builder(String id, String name, TargetKind kind) {
      this.id = id;
      this.name = name;
      this.kind = kind;
      this.family = id;
    }

    public Builder aliases(String... values) {
      aliases = List.of(values);
      return this;
    }

    public Builder family(String value) {
      family = value;
      return this;
    }

    public Builder version(String value) {
      modelVersion = value;
      return this;
    }

    public Builder syntax(Syntax value, WeightSyntax weights) {
      syntax = value;
      weightSyntax = weights;
      return this;
    }

    /** The prompt limit; the negative prompt's limit is the same unless set afterwards. */
    public Builder length(LengthUnit unit, int max) {
      lengthUnit = unit;
      maxLength = max;
      return this;
    }

    public Builder negative(int max, String... defaultTerms) {
      negativePrompt = true;
      negativeMaxLength = max;
      negativeDefaults = List.of(defaultTerms);
      return this;
    }

    public Builder aspect(AspectSpec value) {
      aspect = value;
      return this;
    }

    public Builder inlineFlags(String avoidFlag) {
      parameterStyle = ParameterStyle.INLINE_FLAGS;
      avoidParameter = avoidFlag;
      return this;
    }

    public Builder parameter(String key, Object value) {
      defaults.put(key, value);
      return this;
    }

    public Builder qualityTags(String... tags) {
      qualityTags = List.of(tags);
      return this;
    }

    public Builder vocabulary(TagVocabulary value) {
      vocabulary = value;
      return this;
    }

    public Builder edit(EditStyle value) {
      editStyle = value;
      return this;
    }

    public Builder video(boolean describeFrame, CameraSyntax camera, Integer... durations) {
      video = new VideoSpec(List.of(durations), describeFrame, camera);
      return this;
    }

    public Builder docs(String url) {
      docs = url;
      return this;
    }

    public TargetProfile build() {
      return new TargetProfile(
          id,
          name,
          kind,
          aliases,
          family,
          modelVersion,
          syntax,
          weightSyntax,
          negativePrompt,
          negativePrompt ? negativeMaxLength : maxLength,
          lengthUnit,
          maxLength,
          aspect,
          parameterStyle,
          defaults,
          avoidParameter,
          qualityTags,
          negativeDefaults,
          vocabulary,
          editStyle,
          video,
          docs);
    }
  }
}
