package io.promptlens.app.accounts;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in person, as Spring Security and every controller see them. The username is the user's
 * id, so sessions and remember-me rows point at the user, not at an email that may change. The
 * principal kept in a session never carries the password hash ({@link #withoutPassword()}).
 */
public record AccountUser(
    UUID id,
    String email,
    String firstName,
    String lastName,
    @Nullable String passwordHash,
    boolean verified)
    implements UserDetails {

  public String displayName() {
    return firstName + " " + lastName;
  }

  AccountUser withoutPassword() {
    return new AccountUser(id, email, firstName, lastName, null, verified);
  }

  @Override
  public String getUsername() {
    return id.toString();
  }

  @Override
  public @Nullable String getPassword() {
    return passwordHash;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of();
  }
}
