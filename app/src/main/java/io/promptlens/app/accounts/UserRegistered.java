package io.promptlens.app.accounts;

/**
 * Published inside the sign-up transaction, so whatever a listener writes (the personal workspace)
 * is stored together with the account or not at all.
 */
public record UserRegistered(AccountUser user) {}
