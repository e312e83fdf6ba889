package io.promptlens.core.compiler;

/** A target id that the registry does not know; the message lists the known ones. */
public final class UnknownTargetException extends IllegalArgumentException {

  public UnknownTargetException(String id, java.util.Collection<String> known) {
    super("unknown target '" + id + "' (known: " + String.join(", ", known) + ")");
  }
}
