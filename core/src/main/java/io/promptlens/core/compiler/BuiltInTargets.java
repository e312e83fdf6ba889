package io.promptlens.core.compiler;

import static io.promptlens.core.compiler.TargetKind.IMAGE;
import static io.promptlens.core.compiler.TargetKind.VIDEO;

import io.promptlens.core.compiler.TargetProfile.AspectSpec;
import io.promptlens.core.compiler.TargetProfile.CameraSyntax;
import io.promptlens.core.compiler.TargetProfile.EditStyle;
import io.promptlens.core.compiler.TargetProfile.LengthUnit;
import io.promptlens.core.compiler.TargetProfile.Syntax;
import io.promptlens.core.compiler.TargetProfile.TagVocabulary;
import io.promptlens.core.compiler.TargetProfile.WeightSyntax;
import java.util.List;

/**
 * The shipped target definitions, one per target. Adding a target is adding a definition here;
 * every number is taken from the page in its {@code docs}. Where a vendor states no hard prompt
 * limit, the limit here is a conservative one (noted in core/TARGETS.md).
 */
final class BuiltInTargets {

  /** Negative terms Stable Diffusion users put in by habit; kept short. */
  private static final String[] SD_DEFECTS = {
    "lowres", "blurry", "jpeg artifacts", "watermark", "deformed"
  };

  /** SDXL's multi-aspect training buckets (Podell et al., 2023, SDXL report, appendix). */
  private static final AspectSpec SDXL_BUCKETS =
      AspectSpec.buckets(
          "1024x1024",
          "1152x896",
          "896x1152",
          "1216x832",
          "832x1216",
          "1344x768",
          "768x1344",
          "1536x640",
          "640x1536");

  static final List<TargetProfile> ALL =
      List.of(
          TargetProfile.builder("midjourney", "Midjourney v7", IMAGE)
              .aliases("mj", "midjourney-v7")
              .version("7")
              .length(LengthUnit.CHARACTERS, 6000)
              .aspect(AspectSpec.parameter("ar"))
              .inlineFlags("no")
              .parameter("v", "7")
              .docs("https://docs.midjourney.com/hc/en-us/articles/32859204029709-Parameter-List")
              .build(),
          TargetProfile.builder("sd15", "Stable Diffusion 1.5", IMAGE)
              .aliases("sd1.5", "sd-1.5", "stable-diffusion-1.5")
              .family("stable-diffusion")
              .version("1.5")
              .syntax(Syntax.TAGS, WeightSyntax.PARENTHESES)
              .length(LengthUnit.CLIP_TOKENS, 75)
              .negative(75, SD_DEFECTS)
              .aspect(AspectSpec.area(512, 64))
              .parameter("model", "stable-diffusion-v1-5")
              .parameter("steps", 50)
              .parameter("guidanceScale", 7.5)
              .edit(EditStyle.IMG2IMG)
              .docs("https://huggingface.co/stable-diffusion-v1-5/stable-diffusion-v1-5")
              .build(),
          TargetProfile.builder("sdxl", "Stable Diffusion XL", IMAGE)
              .aliases("stable-diffusion-xl", "sdxl-1.0")
              .family("stable-diffusion")
              .version("1.0")
              .syntax(Syntax.TAGS, WeightSyntax.PARENTHESES)
              .length(LengthUnit.CLIP_TOKENS, 75)
              .negative(75, SD_DEFECTS)
              .aspect(SDXL_BUCKETS)
              .parameter("model", "stable-diffusion-xl-base-1.0")
              .parameter("steps", 50)
              .parameter("guidanceScale", 5.0)
              .edit(EditStyle.IMG2IMG)
              .docs("https://huggingface.co/docs/diffusers/en/using-diffusers/sdxl")
              .build(),
          TargetProfile.builder("pony", "Pony Diffusion V6 XL", IMAGE)
              .aliases("pony-diffusion", "pony-v6")
              .family("stable-diffusion")
              .version("6")
              .syntax(Syntax.TAGS, WeightSyntax.PARENTHESES)
              .length(LengthUnit.CLIP_TOKENS, 75)
              .qualityTags("score_9", "score_8_up", "score_7_up")
              .vocabulary(TagVocabulary.BOORU)
              .negative(75, "score_6", "score_5", "score_4", "lowres", "blurry", "watermark")
              .aspect(SDXL_BUCKETS)
              .parameter("model", "ponyDiffusionV6XL")
              .parameter("steps", 25)
              .parameter("clipSkip", 2)
              .edit(EditStyle.IMG2IMG)
              .docs("https://civitai.com/models/257749/pony-diffusion-v6-xl")
              .build(),
          TargetProfile.builder("illustrious", "Illustrious XL", IMAGE)
              .aliases("illustrious-xl")
              .family("stable-diffusion")
              .version("1.0")
              .syntax(Syntax.HYBRID, WeightSyntax.PARENTHESES)
              .length(LengthUnit.CLIP_TOKENS, 75)
              .qualityTags("masterpiece", "best quality", "very aesthetic")
              .negative(75, "worst quality", "low quality", "lowres", "blurry", "watermark")
              .aspect(SDXL_BUCKETS)
              .parameter("model", "illustriousXL-v1.0")
              .parameter("steps", 28)
              .parameter("guidanceScale", 6.0)
              .edit(EditStyle.IMG2IMG)
              .docs("https://civitai.com/models/795765/illustrious-xl")
              .build(),
          TargetProfile.builder("sd35", "Stable Diffusion 3.5 Large", IMAGE)
              .aliases("sd3.5", "stable-diffusion-3.5")
              .family("stable-diffusion")
              .version("3.5")
              .length(LengthUnit.T5_TOKENS, 256)
              .negative(256, SD_DEFECTS)
              .aspect(AspectSpec.area(1024, 64))
              .parameter("model", "stable-diffusion-3.5-large")
              .parameter("steps", 28)
              .parameter("guidanceScale", 3.5)
              .edit(EditStyle.IMG2IMG)
              .docs(
                  "https://huggingface.co/docs/diffusers/en/api/pipelines/stable_diffusion/stable_diffusion_3")
              .build(),
          TargetProfile.builder("flux", "FLUX.1 [dev]", IMAGE)
              .aliases("flux-dev", "flux.1")
              .version("1-dev")
              .length(LengthUnit.T5_TOKENS, 512)
              .aspect(AspectSpec.area(1024, 16))
              .parameter("model", "FLUX.1-dev")
              .parameter("steps", 50)
              .parameter("guidanceScale", 3.5)
              .edit(EditStyle.IMG2IMG)
              .docs("https://huggingface.co/black-forest-labs/FLUX.1-dev")
              .build(),
          TargetProfile.builder("flux-kontext", "FLUX.1 Kontext [pro]", IMAGE)
              .aliases("kontext", "flux.1-kontext")
              .family("flux")
              .version("1-kontext-pro")
              .length(LengthUnit.T5_TOKENS, 512)
              .aspect(AspectSpec.parameter("aspectRatio"))
              .parameter("model", "flux-kontext-pro")
              .parameter("guidanceScale", 2.5)
              .edit(EditStyle.INSTRUCTION)
              .docs("https://docs.bfl.ai/guides/prompting_guide_kontext_i2i")
              .build(),
          TargetProfile.builder("dalle3", "DALL·E 3", IMAGE)
              .aliases("dall-e-3", "dalle", "dall-e")
              .family("openai")
              .version("3")
              .length(LengthUnit.CHARACTERS, 4000)
              .aspect(AspectSpec.sizes("1024x1024", "1792x1024", "1024x1792"))
              .parameter("model", "dall-e-3")
              .parameter("quality", "hd")
              .parameter("style", "natural")
              .docs("https://platform.openai.com/docs/api-reference/images/create")
              .build(),
          TargetProfile.builder("gpt-image", "GPT Image 1", IMAGE)
              .aliases("gpt-image-1", "openai-image")
              .family("openai")
              .version("1")
              .length(LengthUnit.CHARACTERS, 32000)
              .aspect(AspectSpec.sizes("1024x1024", "1536x1024", "1024x1536"))
              .parameter("model", "gpt-image-1")
              .parameter("quality", "high")
              .edit(EditStyle.INSTRUCTION)
              .docs("https://platform.openai.com/docs/guides/image-generation")
              .build(),
          TargetProfile.builder("ideogram", "Ideogram 3.0", IMAGE)
              .aliases("ideogram-3")
              .version("3.0")
              .length(LengthUnit.CHARACTERS, 2000)
              .negative(2000)
              .aspect(
                  AspectSpec.ratios(
                      "1:1", "4:3", "3:4", "3:2", "2:3", "16:9", "9:16", "16:10", "10:16", "5:4",
                      "4:5", "2:1", "1:2", "3:1", "1:3"))
              .parameter("magicPrompt", "OFF")
              .docs("https://developer.ideogram.ai/api-reference/api-reference/generate-v3")
              .build(),
          TargetProfile.builder("imagen", "Imagen 4", IMAGE)
              .aliases("imagen-4", "gemini-image")
              .family("google")
              .version("4.0")
              .length(LengthUnit.TOKENS, 480)
              .aspect(AspectSpec.ratios("1:1", "3:4", "4:3", "9:16", "16:9"))
              .parameter("model", "imagen-4.0-generate-001")
              .parameter("enhancePrompt", false)
              .edit(EditStyle.INSTRUCTION)
              .docs(
                  "https://cloud.google.com/vertex-ai/generative-ai/docs/image/img-gen-prompt-guide")
              .build(),
          TargetProfile.builder("recraft", "Recraft V3", IMAGE)
              .aliases("recraft-v3")
              .version("v3")
              .length(LengthUnit.CHARACTERS, 1000)
              .aspect(
                  AspectSpec.sizes(
                      "1024x1024",
                      "1365x1024",
                      "1024x1365",
                      "1536x1024",
                      "1024x1536",
                      "1820x1024",
                      "1024x1820",
                      "1024x2048",
                      "2048x1024",
                      "1434x1024",
                      "1024x1434",
                      "1024x1280",
                      "1280x1024",
                      "1024x1707",
                      "1707x1024"))
              .parameter("model", "recraftv3")
              .docs("https://www.recraft.ai/docs/api-reference/endpoints")
              .build(),
          TargetProfile.builder("leonardo", "Leonardo Phoenix", IMAGE)
              .aliases("leonardo-phoenix")
              .version("phoenix-1.0")
              .length(LengthUnit.CHARACTERS, 1500)
              .negative(1500)
              .aspect(AspectSpec.area(1024, 8))
              .parameter("model", "leonardo-phoenix-1.0")
              .docs("https://docs.leonardo.ai/reference/creategeneration")
              .build(),
          TargetProfile.builder("firefly", "Adobe Firefly Image 3", IMAGE)
              .aliases("adobe-firefly")
              .family("adobe")
              .version("image3")
              .length(LengthUnit.CHARACTERS, 1024)
              .negative(1024)
              .aspect(AspectSpec.sizes("2048x2048", "2304x1792", "1792x2304", "2688x1536"))
              .parameter("model", "firefly-image-3")
              .docs(
                  "https://developer.adobe.com/firefly-services/docs/firefly-api/guides/api/image_generation/V3/")
              .build(),
          TargetProfile.builder("runway", "Runway Gen-4 Turbo (image to video)", VIDEO)
              .aliases("gen4", "runway-gen4")
              .version("gen4_turbo")
              .length(LengthUnit.CHARACTERS, 1000)
              .aspect(
                  new AspectSpec(
                      TargetProfile.AspectHandling.NEAREST_RATIO,
                      "ratio",
                      List.of(
                          "1280:720", "720:1280", "1104:832", "832:1104", "960:960", "1584:672"),
                      0,
                      0))
              .parameter("model", "gen4_turbo")
              .video(false, CameraSyntax.PLAIN, 5, 10)
              .docs(
                  "https://help.runwayml.com/hc/en-us/articles/39789879462419-Gen-4-Prompting-Guide")
              .build(),
          TargetProfile.builder("kling", "Kling 2.1 (image to video)", VIDEO)
              .aliases("kling-2.1")
              .version("2.1")
              .length(LengthUnit.CHARACTERS, 2500)
              .negative(2500, "blurry", "distorted", "flickering", "watermark")
              .aspect(AspectSpec.ratios("16:9", "9:16", "1:1"))
              .parameter("model", "kling-v2-1")
              .parameter("mode", "std")
              .parameter("cfgScale", 0.5)
              .video(true, CameraSyntax.PLAIN, 5, 10)
              .docs(
                  "https://app.klingai.com/global/dev/document-api/apiReference/model/imageToVideo")
              .build(),
          TargetProfile.builder("luma", "Luma Ray2 (image to video)", VIDEO)
              .aliases("ray", "ray2", "luma-ray")
              .version("ray-2")
              .length(LengthUnit.CHARACTERS, 2000)
              .aspect(AspectSpec.ratios("1:1", "16:9", "9:16", "4:3", "3:4", "21:9", "9:21"))
              .parameter("model", "ray-2")
              .video(true, CameraSyntax.PLAIN, 5, 9)
              .docs("https://docs.lumalabs.ai/docs/video-generation")
              .build(),
          TargetProfile.builder("pika", "Pika 2.2 (image to video)", VIDEO)
              .aliases("pika-2.2")
              .version("2.2")
              .length(LengthUnit.CHARACTERS, 1000)
              .negative(1000, "blurry", "distorted", "low quality")
              .aspect(AspectSpec.ratios("16:9", "9:16", "1:1", "4:5", "5:4", "3:2", "2:3"))
              .parameter("model", "pika-2.2")
              .parameter("resolution", "720p")
              .video(true, CameraSyntax.PLAIN, 5, 10)
              .docs("https://fal.ai/models/fal-ai/pika/v2.2/image-to-video/api")
              .build(),
          TargetProfile.builder("sora", "Sora 2 (image to video)", VIDEO)
              .aliases("sora-2")
              .family("openai")
              .version("2")
              .length(LengthUnit.CHARACTERS, 2000)
              .aspect(AspectSpec.sizes("1280x720", "720x1280"))
              .parameter("model", "sora-2")
              .video(true, CameraSyntax.PLAIN, 4, 8, 12)
              .docs("https://platform.openai.com/docs/guides/video-generation")
              .build(),
          TargetProfile.builder("veo", "Veo 3 (image to video)", VIDEO)
              .aliases("veo-3")
              .family("google")
              .version("3.0")
              .length(LengthUnit.TOKENS, 1024)
              .negative(1024, "blurry", "low quality", "distorted")
              .aspect(AspectSpec.ratios("16:9", "9:16"))
              .parameter("model", "veo-3.0-generate-001")
              .video(true, CameraSyntax.PLAIN, 4, 6, 8)
              .docs(
                  "https://cloud.google.com/vertex-ai/generative-ai/docs/model-reference/veo-video-generation")
              .build(),
          TargetProfile.builder("hailuo", "MiniMax Hailuo 02 (image to video)", VIDEO)
              .aliases("minimax", "hailuo-02")
              .family("minimax")
              .version("02")
              .length(LengthUnit.CHARACTERS, 2000)
              .aspect(AspectSpec.fromInput())
              .parameter("model", "MiniMax-Hailuo-02")
              .parameter("resolution", "768P")
              .parameter("promptOptimizer", false)
              .video(true, CameraSyntax.BRACKETED, 6, 10)
              .docs("https://platform.minimax.io/docs/api-reference/video-generation-i2v")
              .build(),
          TargetProfile.builder("wan", "Wan 2.2 (image to video)", VIDEO)
              .aliases("wan2.2", "wan-2.2")
              .family("alibaba")
              .version("2.2")
              .length(LengthUnit.CHARACTERS, 800)
              .negative(
                  500,
                  "static",
                  "blurred details",
                  "subtitles",
                  "worst quality",
                  "low quality",
                  "jpeg compression artifacts",
                  "deformed",
                  "messy background")
              .aspect(AspectSpec.fromInput())
              .parameter("model", "wan2.2-i2v-plus")
              .parameter("resolution", "720P")
              .parameter("promptExtend", false)
              .video(true, CameraSyntax.PLAIN, 5)
              .docs(
                  "https://www.alibabacloud.com/help/en/model-studio/image-to-video-api-reference/")
              .build(),
          TargetProfile.builder("seedance", "Seedance 1.0 Pro (image to video)", VIDEO)
              .aliases("seedance-1")
              .family("bytedance")
              .version("1.0-pro")
              .length(LengthUnit.CHARACTERS, 1000)
              .aspect(AspectSpec.ratios("16:9", "4:3", "1:1", "3:4", "9:16", "21:9"))
              .parameter("model", "seedance-1-0-pro")
              .parameter("resolution", "1080p")
              .parameter("cameraFixed", false)
              .video(true, CameraSyntax.PLAIN, 5, 10)
              .docs("https://docs.byteplus.com/en/docs/ModelArk/1520757")
              .build());

  private BuiltInTargets() {}
}
