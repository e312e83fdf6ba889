package io.promptlens.app.accounts;

import java.util.UUID;

/** A person set a new password through a reset link (the privacy feature logs it). */
public record PasswordReset(UUID userId) {}
