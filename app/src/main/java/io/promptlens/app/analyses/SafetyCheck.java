package io.promptlens.app.analyses;

import io.promptlens.app.workspaces.SafetyAction;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.Safety;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A workspace's {@link SafetyAction} applied to an analysis. An image is marked when the safety
 * classifier's verdict is {@code suggestive} or {@code explicit}; {@code unknown} (no classifier
 * installed) and {@code safe} are never acted on.
 */
public final class SafetyCheck {

  static final Set<String> MARKED = Set.of("suggestive", "explicit");

  private SafetyCheck() {}

  /**
   * @return the warning to put in the answer, if any
   * @throws UnsafeImageException when the workspace refuses marked images
   */
  public static Optional<String> apply(ImageAnalysis analysis, SafetyAction action) {
    Safety safety = analysis.safety();
    String verdict = safety.verdict() == null ? "" : safety.verdict().toLowerCase(Locale.ROOT);
    if (!MARKED.contains(verdict) || action == SafetyAction.ALLOW) {
      return Optional.empty();
    }
    if (action == SafetyAction.REFUSE) {
      throw new UnsafeImageException(verdict);
    }
    return Optional.of(
        "The safety check marks this image as "
            + verdict
            + " content; check it is fit for this workspace before using the prompt.");
  }
}
