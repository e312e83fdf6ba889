package io.promptlens.app.generations;

import io.promptlens.core.compiler.TargetKind;
import io.promptlens.core.compiler.TargetProfile;
import java.util.List;
import java.util.Locale;

/**
 * A target as clients list it. {@code negativePrompt} tells a UI whether to offer the negative
 * prompt switch; {@code lengthUnit} ("characters", "clip_tokens", "t5_tokens") and {@code
 * maxLength} let it show the prompt's {@code tokens} against the target's limit.
 */
record TargetResponse(
    String id,
    String name,
    TargetKind kind,
    List<String> aliases,
    boolean negativePrompt,
    String lengthUnit,
    int maxLength) {

  static TargetResponse of(TargetProfile profile) {
    return new TargetResponse(
        profile.id(),
        profile.name(),
        profile.kind(),
        profile.aliases(),
        profile.negativePrompt(),
        profile.lengthUnit().name().toLowerCase(Locale.ROOT),
        profile.maxLength());
  }
}
