package io.promptlens.app.privacy;

import io.promptlens.app.accounts.AccountUser;
import io.promptlens.app.accounts.PasswordReset;
import io.promptlens.app.accounts.UserRegistered;
import io.promptlens.app.accounts.Users;
import io.promptlens.app.workspaces.WorkspaceEvents;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Turns the other features' events into connection-log rows, so accounts and workspaces only
 * publish what happened and never know of the log. A successful sign-in also cancels a pending
 * erasure (the policy: "cancellable by signing in").
 */
@Component
record ConnectionLogListener(ConnectionLog log, Users users, PrivacyAccounts accounts) {

  @EventListener
  void signedUp(UserRegistered registered) {
    log.record(registered.user().id(), "sign-up", null);
  }

  @EventListener
  void signedIn(AuthenticationSuccessEvent success) {
    UUID user = userOf(success.getAuthentication());
    if (user == null) {
      return;
    }
    boolean rememberMe = success.getAuthentication() instanceof RememberMeAuthenticationToken;
    log.record(user, "sign-in", rememberMe ? "remember-me" : null);
    if (accounts.cancelErasure(user)) {
      log.record(user, "erasure-cancelled", "signed in during the grace period");
    }
  }

  /** The email typed is looked up: a failure on an unknown email is logged without a user. */
  @EventListener
  void signInFailed(AbstractAuthenticationFailureEvent failure) {
    String email = String.valueOf(failure.getAuthentication().getName());
    UUID user = users.findByEmail(email).map(AccountUser::id).orElse(null);
    log.record(user, "sign-in-failed", failure.getException().getClass().getSimpleName());
  }

  @EventListener
  void signedOut(LogoutSuccessEvent signedOut) {
    UUID user = userOf(signedOut.getAuthentication());
    if (user != null) {
      log.record(user, "sign-out", null);
    }
  }

  @EventListener
  void passwordReset(PasswordReset reset) {
    log.record(reset.userId(), "password-reset", null);
  }

  @EventListener
  void keyCreated(WorkspaceEvents.ApiKeyCreated created) {
    log.record(created.createdBy(), "api-key-created", "key " + created.keyId());
  }

  @EventListener
  void keyUsed(WorkspaceEvents.ApiKeyUsed used) {
    log.recordKeyUse(used.createdBy(), used.keyId());
  }

  /**
   * Logged for the person who made the change, with their address, and for the person whose role
   * changed without it (it is not their connection); each detail names the other by id.
   */
  @EventListener
  void roleChanged(WorkspaceEvents.RoleChanged changed) {
    String what = "workspace " + changed.workspaceId() + " role " + changed.role().wireName();
    log.record(changed.changedBy(), "role-changed", what + " for " + changed.userId());
    if (!changed.userId().equals(changed.changedBy())) {
      log.recordCausedByAnother(
          changed.userId(), "role-changed", what + " by " + changed.changedBy());
    }
  }

  private static @Nullable UUID userOf(@Nullable Authentication authentication) {
    return authentication != null && authentication.getPrincipal() instanceof AccountUser user
        ? user.id()
        : null;
  }
}
