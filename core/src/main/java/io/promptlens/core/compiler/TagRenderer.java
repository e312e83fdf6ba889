package io.promptlens.core.compiler;

import io.promptlens.core.compiler.Phrase.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders phrases as comma-separated tags, most important first, for CLIP-conditioned models
 * (Stable Diffusion family), where position in the prompt carries weight: quality tags, the
 * subject, then the look. The hybrid form opens with a short natural lead ("a photograph of a fox")
 * that models fine-tuned on captions as well as tags (Illustrious) read better. With weights on,
 * the subject gets {@code (phrase:1.2)} and the keep list {@code (phrase:1.1)}; literal parentheses
 * are escaped because these targets read them as emphasis.
 */
final class TagRenderer implements Renderer {

  static final TagRenderer TAGS = new TagRenderer(false);
  static final TagRenderer HYBRID = new TagRenderer(true);

  /** Weight of the subject, enough to keep it in front without burning the image. */
  static final String SUBJECT_WEIGHT = "1.2";

  /** Weight of the user's keep list. */
  static final String KEEP_WEIGHT = "1.1";

  private final boolean hybrid;

  private TagRenderer(boolean hybrid) {
    this.hybrid = hybrid;
  }

  @Override
  public void render(List<Phrase> phrases, RenderContext context, PromptBuilder out) {
    Phrasing phrasing = context.phrasing();
    List<Phrase> quality = RenderContext.of(phrases, Role.QUALITY);
    List<Phrase> subject = RenderContext.of(phrases, Role.SUBJECT);
    List<Phrase> medium = RenderContext.of(phrases, Role.MEDIUM);
    List<Phrase> rest = new ArrayList<>();
    for (Phrase phrase : phrases) {
      if (phrase.role() != Role.QUALITY
          && phrase.role() != Role.SUBJECT
          && (phrase.role() != Role.MEDIUM || !hybrid)) {
        rest.add(phrase);
      }
    }
    out.joined(quality, ", ", p -> escape(p.text(), context));
    separator(out);
    if (context.mode() == Mode.STYLE) {
      out.append("{subject}");
      separator(out);
    }
    if (hybrid && !medium.isEmpty()) {
      Phrase first = medium.get(0);
      out.append(NaturalRenderer.article(first.text()) + " ")
          .phrase(first, escape(first.text(), context));
      if (!subject.isEmpty()) {
        out.append(" of ").list(subject, p -> weighted(p, SUBJECT_WEIGHT, context));
      }
    } else {
      out.joined(subject, ", ", p -> weighted(p, SUBJECT_WEIGHT, context));
    }
    separator(out);
    List<Phrase> ordered = phrasing.order(rest);
    out.joined(
        ordered,
        ", ",
        p ->
            p.source().startsWith("controls.keep")
                ? weighted(p, KEEP_WEIGHT, context)
                : escape(p.text(), context));
    out.trimTrailing(", ");
    if (out.isEmpty()) {
      // Nothing is known about the picture; an empty prompt would generate unconditioned noise.
      out.append("image");
    }
  }

  private static void separator(PromptBuilder out) {
    if (!out.isEmpty() && !out.endsWith(", ")) {
      out.append(", ");
    }
  }

  private static String weighted(Phrase phrase, String weight, RenderContext context) {
    String text = escape(phrase.text(), context);
    return context.weighted() ? "(" + text + ":" + weight + ")" : text;
  }

  static String escape(String text, RenderContext context) {
    if (!context.escapesParentheses()) {
      return text;
    }
    return text.replace("(", "\\(").replace(")", "\\)");
  }
}
