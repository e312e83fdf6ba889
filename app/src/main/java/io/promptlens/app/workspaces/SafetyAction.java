package io.promptlens.app.workspaces;

/**
 * What a workspace does with an image the safety classifier marks ({@code safety.verdict} {@code
 * suggestive} or {@code explicit}): keep it silently, keep it with a warning in the answer (the
 * default), keep it with a warning and blur every picture of it (the stored thumbnail before it is
 * stored; the answer's {@code display.blur} tells clients to blur what they show), or refuse it
 * with 422 and store nothing.
 */
public enum SafetyAction implements WireName {
  ALLOW,
  WARN,
  BLUR,
  REFUSE;

  @Override
  public String toString() {
    return wireName();
  }

  /**
   * @throws WorkspaceProblem 400 for an unknown action
   */
  public static SafetyAction parse(String value) {
    return WireName.parse(SafetyAction.class, value, "safety action");
  }
}
