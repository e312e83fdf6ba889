package io.promptlens.app.accounts;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password sign-in: throttled per email, the same failure for an unknown email and a wrong password
 * (Spring's provider also spends the same hashing time on both), the "verify your email first"
 * answer only after the password was right, and a session principal without the password hash.
 */
class AccountAuthenticationProvider extends DaoAuthenticationProvider {

  static final String THROTTLED = "Too many failed sign-ins. Wait 15 minutes and try again.";

  private final SignInThrottle throttle;

  AccountAuthenticationProvider(Users users, PasswordEncoder encoder, SignInThrottle throttle) {
    super(byEmail(users));
    setPasswordEncoder(encoder);
    setHideUserNotFoundExceptions(true);
    setPostAuthenticationChecks(
        user -> {
          if (user instanceof AccountUser account && !account.verified()) {
            throw new DisabledException("Verify your email first: follow the link we sent you.");
          }
        });
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String email = String.valueOf(authentication.getName());
    SignInThrottle.Attempt attempt = throttle.begin(email);
    if (attempt.blocked()) {
      throw new LockedException(THROTTLED);
    }
    Authentication result = super.authenticate(authentication);
    throttle.succeeded(attempt);
    return result;
  }

  @Override
  protected Authentication createSuccessAuthentication(
      Object principal, Authentication authentication, UserDetails user) {
    AccountUser account = ((AccountUser) user).withoutPassword();
    return UsernamePasswordAuthenticationToken.authenticated(
        account, null, account.getAuthorities());
  }

  /**
   * The sign-in form's lookup: by email only. A user id is no sign-in name (it would be a second,
   * separately throttled name for the same account).
   */
  static UserDetailsService byEmail(Users users) {
    return name ->
        users.findByEmail(name).orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }

  /** The remember-me cookie's lookup: by the id the cookie carries, else by email. */
  static UserDetailsService userDetailsService(Users users) {
    return name -> {
      Optional<AccountUser> user;
      try {
        user = users.findById(UUID.fromString(name));
      } catch (IllegalArgumentException notAnId) {
        user = users.findByEmail(name);
      }
      return user.orElseThrow(() -> new UsernameNotFoundException("no such user"));
    };
  }
}
