package io.promptlens.vision.neural;

import io.promptlens.core.analysis.Provenance;
import io.promptlens.vision.intake.DecodedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One model stage that needs nothing but the pixels (text, objects, faces, safety): what it sees
 * becomes a {@link Part}, which {@link NeuralAnalyzers#merge} weighs against the measured analysis.
 * Stages never read each other's answers, so they run side by side. Thread-safe; closed once, with
 * the engine.
 *
 * @param <T> the stage's answer
 */
interface NeuralStage<T> extends AutoCloseable {

  /** What the model makes of {@code image}, whose shorter side is {@code side} pixels. */
  Part<T> see(DecodedImage image, int side);

  @Override
  void close();

  /** Runs one model, timed; a failure leaves {@code failure} and its message in the notes. */
  static <T> Part<T> run(
      List<String> notes, String failure, Supplier<T> model, Function<T, Provenance> provenance) {
    long start = System.nanoTime();
    try {
      T value = model.get();
      return new Part<>(value, notes, provenance.apply(value), System.nanoTime() - start);
    } catch (NeuralException e) {
      notes.add(failure + e.getMessage());
      return new Part<>(null, notes, null, System.nanoTime() - start);
    }
  }

  /**
   * Runs one model like {@link #run} when the image's shorter {@code side} reaches the model's
   * {@code floor}; otherwise skips it with the note {@link #tooSmall} writes for {@code model}.
   */
  static <T> Part<T> runAbove(
      int side,
      int floor,
      String model,
      String failure,
      Supplier<T> run,
      Function<T, Provenance> provenance) {
    List<String> notes = new ArrayList<>();
    // A model the image is too small for is skipped with a note; its section stays as measured.
    if (tooSmall(side, floor, model, notes)) {
      return Part.skipped(notes);
    }
    return run(notes, failure, run, provenance);
  }

  /**
   * Whether the image is too small for a model: if so, says in {@code notes} that the model was not
   * run and why (never that it found nothing). The safety model has no such floor: it always runs.
   */
  static boolean tooSmall(int side, int floor, String model, List<String> notes) {
    if (side >= floor) {
      return false;
    }
    notes.add(
        model
            + " was not run: the image's shorter side is "
            + side
            + " px, under the "
            + floor
            + " px it needs to find anything");
    return true;
  }

  /** Closes models, keeping quiet: the caller is already failing or shutting down. */
  static void closeQuietly(@Nullable AutoCloseable... models) {
    for (AutoCloseable m : models) {
      if (m != null) {
        try {
          m.close();
        } catch (Exception ignored) {
          // Already failing or closing; the first error, if any, is the one that counts.
        }
      }
    }
  }
}
