package io.promptlens.app.analyses;

import io.promptlens.app.workspaces.SafetyAction;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.Safety;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's {@link SafetyAction} applied to an analysis. An image is marked when the safety
 * classifier's verdict is {@code suggestive} or {@code explicit}; {@code unknown} (no classifier
 * installed) and {@code safe} are never acted on.
 */
public final class SafetyCheck {

  static final Set<String> MARKED = Set.of("suggestive", "explicit");

  private SafetyCheck() {}

  /**
   * What to do with an image that was kept.
   *
   * @param warning the warning to put first in the answer, if any
   * @param blur blur every picture of the image: the thumbnail before it is stored, and (through
   *     the answer's {@code display.blur}) whatever a client shows
   */
  public record Decision(@Nullable String warning, boolean blur) {

    /** Nothing to do: an unmarked image, or a workspace that allows marked ones silently. */
    public static final Decision NONE = new Decision(null, false);

    public Optional<String> warningText() {
      return Optional.ofNullable(warning);
    }
  }

  /**
   * @return what to do with the kept image
   * @throws UnsafeImageException when the workspace refuses marked images
   */
  public static Decision decide(ImageAnalysis analysis, SafetyAction action) {
    String verdict = verdict(analysis);
    if (!MARKED.contains(verdict) || action == SafetyAction.ALLOW) {
      return Decision.NONE;
    }
    if (action == SafetyAction.REFUSE) {
      throw new UnsafeImageException(verdict);
    }
    return new Decision(
        "The safety check marks this image as "
            + verdict
            + " content; check it is fit for this workspace before using the prompt."
            + (action == SafetyAction.BLUR
                ? " This workspace blurs such images wherever they are shown."
                : ""),
        action == SafetyAction.BLUR);
  }

  /**
   * Whether a stored image is shown blurred under the workspace's action as it is now: marked, and
   * the workspace blurs. Never throws (a stored analysis is not refused after the fact).
   */
  public static boolean blurs(ImageAnalysis analysis, SafetyAction action) {
    return action == SafetyAction.BLUR && MARKED.contains(verdict(analysis));
  }

  private static String verdict(ImageAnalysis analysis) {
    Safety safety = analysis.safety();
    return safety.verdict() == null ? "" : safety.verdict().toLowerCase(Locale.ROOT);
  }
}
