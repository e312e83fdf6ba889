package io.promptlens.core.compiler;

import io.promptlens.core.compiler.TargetProfile.LengthUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a prompt into a limit: renders, and while it is too long drops the phrase with the lowest
 * priority (the latest of equals), then renders again. When only phrases that must be kept are left
 * and the prompt is still too long, the text is cut at the last word that fits, so the limit is
 * never exceeded.
 */
final class LengthFitter {

  /**
   * The fitted prompt.
   *
   * @param prompt the text and its spans
   * @param dropped how many phrases were dropped
   * @param cut whether the text itself had to be cut
   */
  record Fitted(PromptBuilder prompt, int dropped, boolean cut) {}

  private LengthFitter() {}

  static Fitted fit(
      List<Phrase> phrases, Renderer renderer, RenderContext context, LengthUnit unit, int limit) {
    List<Phrase> kept = new ArrayList<>(phrases);
    int dropped = 0;
    while (true) {
      PromptBuilder out = render(kept, renderer, context);
      String text = out.toString();
      if (Lengths.count(text, unit) <= limit) {
        return new Fitted(out, dropped, false);
      }
      int weakest = weakest(kept);
      List<Phrase> fewer = new ArrayList<>(kept);
      if (weakest >= 0) {
        fewer.remove(weakest);
      }
      // Never drop the last phrase that shows: an empty prompt "fits" every limit but says
      // nothing, so past that point (or when only kept phrases remain) the text itself is cut.
      if (weakest < 0 || render(fewer, renderer, context).toString().isBlank()) {
        cut(out, unit, limit);
        return new Fitted(out, dropped, true);
      }
      kept = fewer;
      dropped++;
    }
  }

  static PromptBuilder render(List<Phrase> phrases, Renderer renderer, RenderContext context) {
    PromptBuilder out = new PromptBuilder();
    renderer.render(phrases, context, out);
    return out;
  }

  /** Index of the droppable phrase with the lowest priority, the last of equals; -1 if none. */
  private static int weakest(List<Phrase> phrases) {
    int index = -1;
    for (int i = 0; i < phrases.size(); i++) {
      int priority = phrases.get(i).priority();
      if (priority != Phrase.KEEP && (index < 0 || priority <= phrases.get(index).priority())) {
        index = i;
      }
    }
    return index;
  }

  /** Cuts at the longest word boundary that fits. Counts are monotone in the prefix length. */
  private static void cut(PromptBuilder out, LengthUnit unit, int limit) {
    String text = out.toString();
    int low = 0;
    int high = text.length();
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (Lengths.count(text.substring(0, mid), unit) <= limit) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    int end = low;
    if (end < text.length()) {
      int space = text.lastIndexOf(' ', end);
      end = space > 0 ? space : end;
    }
    out.truncate(end);
  }
}
