package io.promptlens.core.compiler;

/**
 * Where one phrase sits in a prompt and which analysis field it came from, so a UI can highlight
 * the source of each phrase. {@code prompt.substring(start, end)} equals {@code text}.
 *
 * @param text the phrase as written in the prompt (capitalised or weighted as the target needs)
 * @param source JSON path of the analysis field ({@code color.palette[0]}), a control ({@code
 *     controls.keep[1]}), the target ({@code target.qualityTags}) or {@code default} for a choice
 *     the compiler made where the analysis had nothing to say
 * @param start index of the first character in the prompt
 * @param end index after the last character
 */
public record PhraseSpan(String text, String source, int start, int end) {

  public PhraseSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }
}
