package io.promptlens.vision;

/**
 * Receives the time each stage of an analysis took, for the benchmark. Stage names are the bench
 * contract: {@code measured.<analyzer>}. Called on the analysing thread.
 */
@FunctionalInterface
public interface StageListener {

  StageListener NONE = (stage, nanos) -> {};

  void took(String stage, long nanos);
}
