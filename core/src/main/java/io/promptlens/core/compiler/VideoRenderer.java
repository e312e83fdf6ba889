package io.promptlens.core.compiler;

import static io.promptlens.core.compiler.RenderContext.of;

import io.promptlens.core.compiler.Phrase.Role;
import java.util.List;

/**
 * Image-to-video prompts in natural language: the camera move, how the subject and the scene move,
 * and the pace. Where the target's documentation says the input frame should not be described again
 * (Runway Gen-4), only motion is written; otherwise a short description of the frame comes first
 * and its light is asked to stay consistent. A bracketed camera command ({@code [Push in]}) opens
 * the prompt for targets trained on them.
 */
final class VideoRenderer implements Renderer {

  static final VideoRenderer INSTANCE = new VideoRenderer();

  private VideoRenderer() {}

  @Override
  public void render(List<Phrase> phrases, RenderContext context, PromptBuilder out) {
    Phrasing phrasing = context.phrasing();
    boolean describe = context.target().video().describeFrame();
    List<Phrase> camera = of(phrases, Role.CAMERA_MOVE);
    List<Phrase> bracketed = camera.stream().filter(p -> p.text().startsWith("[")).toList();
    List<Phrase> spoken = camera.stream().filter(p -> !p.text().startsWith("[")).toList();
    for (Phrase command : bracketed) {
      out.phrase(command).append(" ");
    }
    if (describe) {
      NaturalRenderer.lead(withoutPhotograph(phrases), phrasing, out);
      NaturalRenderer.colour(phrases, phrasing, out);
      out.append(".");
    }
    out.sentence("", spoken, "");
    out.sentence("", of(phrases, Role.SUBJECT_MOTION), "");
    out.sentence("", of(phrases, Role.SCENE_MOTION), "");
    out.sentence("", of(phrases, Role.PACING), "");
    if (describe) {
      out.sentence(
          phrasing.pick("Keep the ", "Hold the "),
          of(phrases, Role.LIGHT),
          " consistent throughout");
      out.sentence("It shows ", of(phrases, Role.TEXT), "");
    }
    out.sentence("", of(phrases, Role.EXTRA), "");
  }

  /**
   * The phrases without a photograph's medium: the frame of a video is footage, not a still, and "a
   * photograph of a fox" asks a video model for a picture of a print. A drawn, painted or rendered
   * medium stays: it is the look the motion keeps.
   */
  static List<Phrase> withoutPhotograph(List<Phrase> phrases) {
    return phrases.stream()
        .filter(
            p ->
                p.role() != Role.MEDIUM
                    || !(p.text().equals("photograph") || p.text().equals("photorealistic")))
        .toList();
  }
}
