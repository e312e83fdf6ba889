package io.promptlens.core.compiler;

import io.promptlens.core.compiler.Phrase.Role;
import java.util.List;
import java.util.Locale;

/**
 * Renders phrases as sentences for models that read natural language (Midjourney v7, FLUX.1): what
 * the picture is first, then its colour, then its light, as a photographer would brief it.
 */
final class NaturalRenderer {

  private NaturalRenderer() {}

  static String render(List<Phrase> phrases, Mode mode) {
    String subject = joined(phrases, Role.SUBJECT);
    String medium = joined(phrases, Role.MEDIUM);
    String colour = colourClause(phrases);
    String light = joined(phrases, Role.LIGHT);
    StringBuilder out = new StringBuilder();
    switch (mode) {
      case STYLE -> {
        out.append("{subject}");
        if (!medium.isEmpty()) {
          out.append(", as ").append(article(medium)).append(' ').append(medium);
        }
        appendClause(out, colour);
        out.append('.');
        appendSentence(out, light);
      }
      case EDIT -> {
        out.append("Keep the composition and framing of this ")
            .append(medium.isEmpty() ? "image" : medium);
        if (!subject.isEmpty()) {
          out.append(", and change the main subject to ").append(subject);
        }
        out.append('.');
        String keep = String.join(", ", nonEmpty(colour, light));
        if (!keep.isEmpty()) {
          appendSentence(out, "Preserve " + keep);
        }
      }
      case VIDEO -> {
        out.append(lead(subject, medium));
        out.append(
            ". The camera slowly pushes in while the scene moves with subtle, natural motion.");
        String keep = String.join(", ", nonEmpty(colour, light));
        if (!keep.isEmpty()) {
          appendSentence(out, "Keep " + keep + " consistent throughout");
        }
      }
      case FULL -> {
        out.append(lead(subject, medium));
        appendClause(out, colour);
        out.append('.');
        appendSentence(out, light);
      }
    }
    appendSentence(out, sentenceOf(phrases, Role.SCENE, "The scene includes "));
    appendSentence(out, sentenceOf(phrases, Role.TEXT, "It shows "));
    appendSentence(out, joined(phrases, Role.EXTRA));
    return out.toString();
  }

  private static String lead(String subject, String medium) {
    if (!medium.isEmpty() && !subject.isEmpty()) {
      return capitalize(article(medium)) + " " + medium + " of " + subject;
    }
    if (!medium.isEmpty()) {
      return capitalize(article(medium)) + " " + medium;
    }
    if (!subject.isEmpty()) {
      return capitalize(subject);
    }
    return "An image";
  }

  private static String colourClause(List<Phrase> phrases) {
    String tone = joined(phrases, Role.TONE);
    String palette = joined(phrases, Role.PALETTE);
    String clause = tone.isEmpty() ? "" : "in " + tone;
    if (!palette.isEmpty()) {
      clause += (clause.isEmpty() ? "" : ", ") + "with a palette of " + palette;
    }
    return clause;
  }

  private static List<String> nonEmpty(String... parts) {
    return java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).toList();
  }

  private static String sentenceOf(List<Phrase> phrases, Role role, String prefix) {
    String joined = joined(phrases, role);
    return joined.isEmpty() ? "" : prefix + joined;
  }

  private static void appendClause(StringBuilder out, String clause) {
    if (!clause.isEmpty()) {
      out.append(", ").append(clause);
    }
  }

  private static void appendSentence(StringBuilder out, String sentence) {
    if (!sentence.isEmpty()) {
      out.append(' ').append(capitalize(sentence)).append('.');
    }
  }

  private static String joined(List<Phrase> phrases, Role role) {
    return Lists.join(phrases.stream().filter(p -> p.role() == role).map(Phrase::text).toList());
  }

  static String article(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    boolean vowelSound =
        "aeiou".indexOf(lower.charAt(0)) >= 0 || lower.startsWith("3d") || lower.startsWith("8");
    return vowelSound && !lower.startsWith("uni") ? "an" : "a";
  }

  static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
