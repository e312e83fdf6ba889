package io.promptlens.app.generations;

import io.promptlens.core.compiler.TargetKind;
import io.promptlens.core.compiler.TargetProfile;

/**
 * A target as clients list it; {@code negativePrompt} tells a UI whether to offer the negative
 * prompt switch.
 */
record TargetResponse(String id, String name, TargetKind kind, boolean negativePrompt) {

  static TargetResponse of(TargetProfile profile) {
    return new TargetResponse(
        profile.id(), profile.name(), profile.kind(), profile.negativePrompt());
  }
}
