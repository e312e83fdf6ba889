package io.promptlens.vision.neural;

/** A model failed to load or run; the message names the model and what was being done. */
public final class NeuralException extends RuntimeException {

  public NeuralException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
