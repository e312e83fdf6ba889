package io.promptlens.core.caption;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a prompt becomes a training caption: the rules LoRA trainers (kohya's sd-scripts, OneTrainer)
 * and taggers (WD14, TagGUI) agree on, shared by {@code promptlens caption} and the app's batches
 * so both write the same caption for the same prompt.
 *
 * <p>A caption is one line of comma-separated phrases: the trigger word first (trainers that keep
 * the first tokens fixed while shuffling the rest rely on it), then the prefix, the prompt's
 * phrases and the suffix. A phrase that equals an excluded tag, ignoring case, spaces versus
 * underscores and Stable Diffusion weight syntax, is dropped wherever it came from; only the whole
 * phrase is compared ("warm" drops "warm", never "warm tones"), as taggers' exclude lists do. A
 * phrase said twice is written once. With {@code underscores}, spaces inside each phrase become
 * underscores (booru tags); the trigger is always written as given.
 *
 * @param trigger the first token, or null
 * @param prefix phrases written before the prompt's, or null
 * @param suffix phrases written after the prompt's, or null
 * @param exclude tags never written
 * @param underscores booru style ({@code long_hair}) instead of spaces
 */
public record CaptionStyle(
    @Nullable String trigger,
    @Nullable String prefix,
    @Nullable String suffix,
    List<String> exclude,
    boolean underscores) {

  /** No trigger, prefix, suffix or exclusions; spaces. */
  public static final CaptionStyle PLAIN = new CaptionStyle(null, null, null, List.of(), false);

  /** The longest trigger, prefix, suffix or excluded tag accepted: a caption option, not a text. */
  public static final int MAX_OPTION_LENGTH = 500;

  public CaptionStyle {
    trigger = blankToNull(trigger, "trigger");
    prefix = blankToNull(prefix, "prefix");
    suffix = blankToNull(suffix, "suffix");
    if (trigger != null && trigger.contains(",")) {
      throw new IllegalArgumentException("the trigger word must not contain a comma");
    }
    List<String> tags = new ArrayList<>();
    for (String tag : exclude == null ? List.<String>of() : exclude) {
      String clean = blankToNull(tag, "excluded tag");
      if (clean != null) {
        tags.add(clean);
      }
    }
    exclude = List.copyOf(tags);
  }

  /** The caption for one prompt: one line, never null, possibly empty. */
  public String apply(String prompt) {
    Set<String> excluded = new LinkedHashSet<>();
    exclude.forEach(tag -> excluded.add(key(tag)));
    Set<String> seen = new LinkedHashSet<>();
    List<String> phrases = new ArrayList<>();
    if (trigger != null) {
      phrases.add(trigger);
      seen.add(key(trigger));
    }
    for (String source : new String[] {prefix, prompt, suffix}) {
      for (String phrase : Phrases.split(oneLine(source))) {
        String key = key(phrase);
        if (excluded.contains(key) || !seen.add(key)) {
          continue;
        }
        phrases.add(underscores ? phrase.replace(' ', '_') : phrase);
      }
    }
    return String.join(", ", phrases);
  }

  /** What two phrases are compared by: case, separators and weight syntax do not count. */
  static String key(String phrase) {
    String bare = Phrases.unweighted(phrase.strip());
    return bare.replace('_', ' ').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }

  private static String oneLine(@Nullable String text) {
    return text == null ? "" : text.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ");
  }

  private static @Nullable String blankToNull(@Nullable String value, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String clean = oneLine(value).strip();
    if (clean.length() > MAX_OPTION_LENGTH) {
      throw new IllegalArgumentException(
          "the " + what + " is longer than " + MAX_OPTION_LENGTH + " characters");
    }
    return clean;
  }
}
