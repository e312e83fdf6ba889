package io.promptlens.core.compiler;

import static io.promptlens.core.compiler.RenderContext.of;

import io.promptlens.core.compiler.Phrase.Role;
import java.util.List;
import java.util.Locale;

/**
 * Renders phrases as sentences for models that read natural language (Midjourney v7, FLUX.1,
 * DALL·E, Imagen, ...): what the picture is first, then its colour, light, framing and mood, as a
 * photographer would brief it. Full mode describes the picture; style mode leaves a {@code
 * {subject}} slot where the subject was; edit mode on a target without an instruction editor
 * describes the wanted picture.
 */
final class NaturalRenderer implements Renderer {

  static final NaturalRenderer INSTANCE = new NaturalRenderer();

  private NaturalRenderer() {}

  @Override
  public void render(List<Phrase> phrases, RenderContext context, PromptBuilder out) {
    Phrasing phrasing = context.phrasing();
    if (context.mode() == Mode.STYLE) {
      out.append("{subject}");
      List<Phrase> medium = of(phrases, Role.MEDIUM);
      if (!medium.isEmpty()) {
        out.append(phrasing.pick(", as ", ", rendered as ", ", in the style of "))
            .append(article(medium.get(0).text()) + " ")
            .list(medium);
      }
      colour(phrases, phrasing, out);
      out.append(".");
    } else {
      lead(phrases, phrasing, out);
      colour(phrases, phrasing, out);
      out.append(".");
    }
    details(phrases, phrasing, out);
  }

  /** "A photograph of a fox", or the parts that are known. */
  static void lead(List<Phrase> phrases, Phrasing phrasing, PromptBuilder out) {
    List<Phrase> subject = of(phrases, Role.SUBJECT);
    List<Phrase> medium = of(phrases, Role.MEDIUM);
    if (!medium.isEmpty() && !subject.isEmpty()) {
      String form = phrasing.pick("of", "showing", "as");
      if (form.equals("as")) {
        out.phrase(subject.get(0), PromptBuilder.capitalize(subject.get(0).text()));
        if (subject.size() > 1) {
          out.append(subject.size() == 2 ? " and " : ", ").list(subject.subList(1, subject.size()));
        }
        out.append(", captured as " + article(medium.get(0).text()) + " ").list(medium);
      } else {
        Phrase first = medium.get(0);
        out.append(PromptBuilder.capitalize(article(first.text())) + " ")
            .phrase(first)
            .append(" " + form + " ")
            .list(subject);
      }
    } else if (!medium.isEmpty()) {
      Phrase first = medium.get(0);
      out.append(PromptBuilder.capitalize(article(first.text())) + " ").phrase(first);
    } else if (!subject.isEmpty()) {
      out.phrase(subject.get(0), PromptBuilder.capitalize(subject.get(0).text()));
      if (subject.size() > 1) {
        out.append(subject.size() == 2 ? " and " : ", ").list(subject.subList(1, subject.size()));
      }
    } else {
      out.append("An image");
    }
  }

  /** ", in warm tones and vivid colors, with a palette of orange and cream". */
  static void colour(List<Phrase> phrases, Phrasing phrasing, PromptBuilder out) {
    List<Phrase> tone = of(phrases, Role.TONE);
    List<Phrase> palette = of(phrases, Role.PALETTE);
    if (!tone.isEmpty()) {
      out.append(phrasing.pick(", in ", ", rendered in ")).list(tone);
    }
    if (!palette.isEmpty()) {
      out.append(phrasing.pick(", with a palette of ", ", in a palette of ", ", with colors of "))
          .list(phrasing.order(palette));
    }
  }

  /** Light, framing, mood, scene, text and the user's keep list, a sentence each. */
  static void details(List<Phrase> phrases, Phrasing phrasing, PromptBuilder out) {
    out.sentence(phrasing.pick("", "Lit with "), of(phrases, Role.LIGHT), "");
    out.sentence(phrasing.pick("", "Framed as "), of(phrases, Role.CAMERA), "");
    out.sentence("", of(phrases, Role.MOOD), "");
    out.sentence(
        phrasing.pick("The scene includes ", "In the scene: ", "Around it: "),
        of(phrases, Role.SCENE),
        "");
    out.sentence("It shows ", of(phrases, Role.TEXT), "");
    out.sentence("", of(phrases, Role.EXTRA), "");
  }

  /** "a" or "an" by the sound of the word: "a 3D render" (three), "an 8-bit sprite" (eight). */
  static String article(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    boolean vowelSound =
        "aeiou".indexOf(lower.charAt(0)) >= 0 || lower.startsWith("8") || lower.startsWith("11");
    return vowelSound && !lower.startsWith("uni") && !lower.startsWith("eu") ? "an" : "a";
  }
}
