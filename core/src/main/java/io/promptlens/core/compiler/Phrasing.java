package io.promptlens.core.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Word choices for one rendering. The canonical phrasing always takes the first option, so {@link
 * PromptCompiler#compile} is stable; a variation draws its options from a seeded generator, so the
 * same seed always gives the same prompt. A fresh instance is made per rendering: the draws then
 * repeat exactly when a prompt is re-rendered after trimming.
 */
final class Phrasing {

  private final @Nullable SplittableRandom random;

  private Phrasing(@Nullable SplittableRandom random) {
    this.random = random;
  }

  static Phrasing canonical() {
    return new Phrasing(null);
  }

  static Phrasing seeded(long seed) {
    return new Phrasing(new SplittableRandom(seed));
  }

  /** The first option, or a drawn one in a variation. */
  String pick(String... options) {
    return random == null ? options[0] : options[random.nextInt(options.length)];
  }

  <T> T pick(List<T> options) {
    return random == null ? options.get(0) : options.get(random.nextInt(options.size()));
  }

  /** The items in order, or shuffled in a variation. */
  <T> List<T> order(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    if (random != null) {
      for (int i = copy.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        T swap = copy.get(i);
        copy.set(i, copy.get(j));
        copy.set(j, swap);
      }
    }
    return copy;
  }
}
