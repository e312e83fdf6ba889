package io.promptlens.vision.neural;

import io.promptlens.vision.models.ModelManifest;
import io.promptlens.vision.models.ModelStatus;
import io.promptlens.vision.models.ModelStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The one way a model is loaded: checks that the store holds it (or notes what is missing and
 * {@value ModelStore#FETCH_COMMAND}), loads it now on a pool or on first use ({@link Lazy}), opens
 * its ONNX session on this loader's {@link Accelerator}, and names its package and version as
 * {@code models.json} pins them. One loader serves one engine: the notes it keeps, a CUDA fallback
 * of a model loaded lazily long after start-up included, belong to that engine alone. Thread-safe.
 */
public final class ModelLoader {

  private final ModelStore store;
  private final Accelerator accelerator;
  private final List<String> notes = new ArrayList<>();
  private final Queue<String> fallbacks = new ConcurrentLinkedQueue<>();

  ModelLoader(ModelStore store, Accelerator accelerator) {
    this.store = store;
    this.accelerator = accelerator;
    if (accelerator.note() != null) {
      notes.add(accelerator.note());
    }
  }

  /** A loader on the process's accelerator, for a model used on its own (evaluation, tests). */
  public static ModelLoader of(ModelStore store) {
    return new ModelLoader(store, Accelerator.current());
  }

  ModelStore store() {
    return store;
  }

  /** The session of a file of model {@code id}; a CUDA fallback is noted for this loader. */
  OnnxSession open(String id, Path file, OnnxSession.Shapes shapes) {
    OnnxSession session = OnnxSession.open(id, file, store.sha256(file), shapes, accelerator);
    if (session.fallback() != null) {
      fallbacks.add(session.fallback());
    }
    return session;
  }

  /** The session of model {@code id}'s converted ONNX file, whose input shape is fixed. */
  OnnxSession open(String id) {
    return open(id, store.converted(id), OnnxSession.Shapes.FIXED);
  }

  /**
   * "package version" of a model as the manifest pins it, or the model id when it is not listed.
   */
  String packageOf(String id) {
    ModelManifest manifest = store.manifest();
    return manifest
        .model(id)
        .map(m -> manifest.packageOf(m).name() + " " + manifest.packageOf(m).version())
        .orElse(id);
  }

  /**
   * Starts loading a section's models on {@code pool} when the store holds every one of {@code
   * ids}; otherwise the pending load is absent and notes why. Its notes join this loader's when it
   * is {@linkplain Pending#join joined}, so they keep the order of the joins.
   */
  <T extends AutoCloseable> Pending<T> start(
      ExecutorService pool, String section, Function<ModelLoader, T> load, String... ids) {
    List<String> sectionNotes = new ArrayList<>();
    if (!usable(section, sectionNotes, ids)) {
      return new Pending<>(section, sectionNotes, null);
    }
    return new Pending<>(section, sectionNotes, pool.submit(() -> load.apply(this)));
  }

  /** A section's model, loaded on first use; null, with a note, when the store lacks it. */
  <T extends AutoCloseable> @Nullable Lazy<T> lazy(
      String section, String id, Function<ModelLoader, T> load) {
    synchronized (notes) {
      if (!usable(section, notes, id)) {
        return null;
      }
    }
    return Lazy.of(id, () -> load.apply(this));
  }

  /** A model loaded on first use that the caller already knows to be installed. */
  <T extends AutoCloseable> Lazy<T> lazy(String id, Supplier<T> load) {
    return Lazy.of(id, load);
  }

  /**
   * The notes so far: the accelerator's, each joined section's (missing models, failed loads), then
   * the CUDA fallbacks of every model this loader opened, lazy ones included, in the order opened.
   */
  List<String> notes() {
    List<String> all;
    synchronized (notes) {
      all = new ArrayList<>(notes);
    }
    all.addAll(fallbacks);
    return all;
  }

  /** Adds a note about a section that failed after its models loaded. */
  void note(String section, String failure, Throwable e) {
    synchronized (notes) {
      notes.add(failure(section, failure, e));
    }
  }

  private static String failure(String section, String failure, Throwable e) {
    return section
        + ": "
        + failure
        + " ("
        + e.getMessage()
        + "); run `"
        + ModelStore.FETCH_COMMAND
        + "`";
  }

  /** Whether the store holds every model of {@code ids}; if not, notes the first one missing. */
  boolean usable(String section, List<String> into, String... ids) {
    for (String id : ids) {
      ModelStatus status = store.status(id);
      if (!status.installed()) {
        into.add(
            section
                + ": model "
                + id
                + " is "
                + status.state()
                + " ("
                + status.detail()
                + "); run `"
                + ModelStore.FETCH_COMMAND
                + "`");
        return false;
      }
    }
    return true;
  }

  /**
   * A section's models loading on a pool, or absent: {@link #join} gives them, or null with the
   * section's notes (the missing model, or the failure) added to the loader's.
   */
  final class Pending<T extends AutoCloseable> {
    private final String section;
    private final List<String> sectionNotes;
    private final @Nullable Future<T> future;

    private Pending(String section, List<String> sectionNotes, @Nullable Future<T> future) {
      this.section = section;
      this.sectionNotes = sectionNotes;
      this.future = future;
    }

    /**
     * Whether a further model the section can do without is installed (only asked when the
     * section's own models are); a missing one is noted with the section's.
     */
    boolean alsoUsable(String part, String... ids) {
      return future != null && usable(part, sectionNotes, ids);
    }

    /** The loaded models, or null when they are missing or failed to load ({@code failure}). */
    @Nullable T join(String failure) {
      T value = null;
      Throwable error = null;
      if (future != null) {
        try {
          value = future.get();
        } catch (ExecutionException e) {
          error = e.getCause();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          error = e;
        }
      }
      synchronized (notes) {
        notes.addAll(sectionNotes);
        if (error != null) {
          notes.add(failure(section, failure, error));
        }
      }
      return value;
    }
  }
}
