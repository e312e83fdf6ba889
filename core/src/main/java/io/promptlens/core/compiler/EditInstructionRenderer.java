package io.promptlens.core.compiler;

import static io.promptlens.core.compiler.RenderContext.of;

import io.promptlens.core.compiler.Phrase.Role;
import java.util.List;

/**
 * Edit instructions for instruction-following image editors (FLUX.1 Kontext, GPT Image, Imagen /
 * Gemini), written as their guides ask: name the change explicitly, name what it applies to rather
 * than "it", then say what must stay unchanged. The change comes from the controls: a subject
 * override replaces the recognised subject, the avoid list is removed, the keep list is kept. With
 * no change asked, the instruction is a template with an {@code {edit}} slot.
 */
final class EditInstructionRenderer implements Renderer {

  static final EditInstructionRenderer INSTANCE = new EditInstructionRenderer();

  private EditInstructionRenderer() {}

  @Override
  public void render(List<Phrase> phrases, RenderContext context, PromptBuilder out) {
    Phrasing phrasing = context.phrasing();
    List<Phrase> subjects = of(phrases, Role.SUBJECT);
    List<Phrase> recognised =
        subjects.stream().filter(p -> !p.source().equals("controls.subject")).toList();
    List<Phrase> replacement =
        subjects.stream().filter(p -> p.source().equals("controls.subject")).toList();
    List<Phrase> avoid = of(phrases, Role.AVOID);
    List<Phrase> medium = of(phrases, Role.MEDIUM);
    String picture = medium.isEmpty() ? "image" : medium.get(0).text();

    if (!replacement.isEmpty()) {
      if (recognised.isEmpty()) {
        out.append(phrasing.pick("Add ", "Place "))
            .list(replacement)
            .append(" as the main subject.");
      } else {
        out.append(phrasing.pick("Replace the ", "Swap the "))
            .phrase(recognised.get(0), PhraseExtractor.stripArticle(recognised.get(0).text()));
        if (recognised.size() > 1) {
          out.append(" and ").list(recognised.subList(1, recognised.size()));
        }
        out.append(" with ").list(replacement).append(".");
      }
    }
    out.sentence(phrasing.pick("Remove any ", "Take out any "), avoid, "");
    if (replacement.isEmpty() && avoid.isEmpty()) {
      out.append("Edit this ").append(picture);
      if (!recognised.isEmpty()) {
        out.append(" of ").list(recognised);
      }
      out.append(": {edit}.");
    }
    out.space()
        .append(
            phrasing.pick(
                "Keep the composition, framing and camera angle unchanged",
                "Keep the framing, camera angle and composition exactly as they are"));
    if (replacement.isEmpty() && !recognised.isEmpty()) {
      // "keep the red fox" but "keep a person", "keep 2 people": never "the a ...".
      String first = recognised.get(0).text().toLowerCase(java.util.Locale.ROOT);
      boolean plural = recognised.size() > 1 || SubjectNaming.pluralPhrase(first);
      String bare = PhraseExtractor.stripArticle(recognised.get(0).text());
      out.append(", and keep the ");
      out.phrase(recognised.get(0), bare);
      if (recognised.size() > 1) {
        out.append(" and ").list(recognised.subList(1, recognised.size()));
      }
      out.append(plural ? " as they are" : " as it is");
    }
    out.append(".");
    List<Phrase> look = of(phrases, Role.TONE, Role.LIGHT, Role.CAMERA);
    List<Phrase> palette = of(phrases, Role.PALETTE);
    if (!look.isEmpty() || !palette.isEmpty()) {
      out.space().append(phrasing.pick("Preserve the ", "Maintain the "));
      out.list(look);
      if (!palette.isEmpty()) {
        out.append(look.isEmpty() ? "palette of " : ", and the palette of ").list(palette);
      }
      out.append(".");
    }
    out.sentence("Keep ", of(phrases, Role.TEXT), " unchanged");
    out.sentence("Make sure the image still shows ", of(phrases, Role.EXTRA), "");
  }
}
