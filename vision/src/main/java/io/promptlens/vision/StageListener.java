package io.promptlens.vision;

/**
 * Receives the time each stage of an analysis took, for the benchmark. Stage names are the bench
 * contract: {@code measured.<analyzer>}, {@code neural.<model>} and {@code neural} (the models'
 * wall time). Called on the analysing thread, also for the stages that ran on others.
 */
@FunctionalInterface
public interface StageListener {

  StageListener NONE = (stage, nanos) -> {};

  void took(String stage, long nanos);
}
