package io.promptlens.core.compiler;

/** Whether a target model makes still images or video. JSON value: lower-case name. */
public enum TargetKind {
  IMAGE,
  VIDEO;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
