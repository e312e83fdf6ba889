package io.promptlens.vision.neural;

import io.promptlens.core.analysis.Provenance;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one stage's model made of the pixels: its answer (null when it did not run or failed), the
 * notes it leaves (too small an image, a failure), its provenance entry (null when it gave no
 * answer) and how long it took in nanoseconds (-1 when it was not run, so no stage is reported).
 */
record Part<T>(@Nullable T value, List<String> notes, @Nullable Provenance provenance, long nanos) {

  static <T> Part<T> skipped(List<String> notes) {
    return new Part<>(null, notes, null, -1);
  }
}
