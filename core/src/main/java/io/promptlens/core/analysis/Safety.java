package io.promptlens.core.analysis;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Whether the image is fit for work, from a safety classifier, so the app can refuse, blur or warn
 * by workspace setting. {@code unknown} with null scores when no classifier ran.
 *
 * @param verdict {@code safe}, {@code suggestive}, {@code explicit} or {@code unknown}
 * @param nsfw probability of any not-safe-for-work class, 0..1
 * @param drawing probability that the image is drawn rather than photographed, 0..1
 * @param classes each classifier class with its probability, sorted by name
 * @param source the classifier that produced it (null when none ran)
 */
public record Safety(
    String verdict,
    @Nullable Double nsfw,
    @Nullable Double drawing,
    Map<String, Double> classes,
    @Nullable String source) {

  public Safety {
    // Sorted so the JSON is the same from one run to the next.
    classes = Collections.unmodifiableMap(new TreeMap<>(classes == null ? Map.of() : classes));
  }

  public static Safety unknown() {
    return new Safety("unknown", null, null, Map.of(), null);
  }
}
