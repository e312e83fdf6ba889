package io.promptlens.vision.neural;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A model loaded on first use, once: the models that only run after another found something (the
 * text recognizer and its word list after the detector found text, the age and expression heads
 * after a face, the person mask after a person) cost nothing in a process that never needs them. A
 * load that fails is remembered and fails every later use the same way (as {@link
 * NeuralException}), so a broken file is not re-read on every request. Thread-safe.
 */
final class Lazy<T extends AutoCloseable> implements AutoCloseable {

  private final String name;
  private final Supplier<T> load;
  private @Nullable T value;
  private @Nullable RuntimeException failure;
  private boolean closed;

  private Lazy(String name, Supplier<T> load) {
    this.name = name;
    this.load = load;
  }

  /** Loads with {@code load} on the first {@link #get()}. */
  static <T extends AutoCloseable> Lazy<T> of(String name, Supplier<T> load) {
    return new Lazy<>(name, load);
  }

  /** A model that is already loaded (tests, callers that loaded it themselves). */
  static <T extends AutoCloseable> Lazy<T> loaded(T value) {
    Lazy<T> lazy = new Lazy<>("loaded", () -> value);
    lazy.value = value;
    return lazy;
  }

  /** The model, loading it now if this is the first use. */
  synchronized T get() {
    if (closed) {
      throw new NeuralException(name, new IllegalStateException("closed"));
    }
    T loaded = value;
    if (loaded == null && failure == null) {
      try {
        loaded = load.get();
        value = loaded;
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    RuntimeException failed = failure;
    if (failed != null) {
      throw failed instanceof NeuralException n
          ? n
          : new NeuralException("cannot load " + name + ": " + failed.getMessage(), failed);
    }
    if (loaded == null) {
      throw new NeuralException(name, new IllegalStateException("the loader gave no model"));
    }
    return loaded;
  }

  /** Whether the model has been loaded (for tests and the benchmark). */
  synchronized boolean isLoaded() {
    return value != null;
  }

  @Override
  public synchronized void close() throws Exception {
    closed = true;
    if (value != null) {
      value.close();
      value = null;
    }
  }
}
