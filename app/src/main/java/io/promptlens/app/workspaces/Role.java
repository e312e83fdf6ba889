package io.promptlens.app.workspaces;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A member's role. The permission matrix lives here and nowhere else:
 *
 * <pre>
 *                      owner admin member viewer
 * VIEW                   ✓     ✓     ✓      ✓
 * CREATE                 ✓     ✓     ✓      -
 * MANAGE_MEMBERS         ✓     ✓     -      -
 * MANAGE_KEYS            ✓     ✓     -      -
 * MANAGE_SETTINGS        ✓     ✓     -      -
 * TRANSFER_OWNERSHIP     ✓     -     -      -
 * </pre>
 *
 * Every role but the owner may leave; the owner transfers ownership first. An API key acts in its
 * one workspace with its scope: {@code read} = VIEW, {@code write} = VIEW and CREATE.
 */
public enum Role implements WireName {
  OWNER(EnumSet.allOf(Permission.class)),
  ADMIN(
      EnumSet.of(
          Permission.VIEW,
          Permission.CREATE,
          Permission.MANAGE_MEMBERS,
          Permission.MANAGE_KEYS,
          Permission.MANAGE_SETTINGS)),
  MEMBER(EnumSet.of(Permission.VIEW, Permission.CREATE)),
  VIEWER(EnumSet.of(Permission.VIEW));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = permissions;
  }

  public boolean can(Permission permission) {
    return permissions.contains(permission);
  }

  /** The lesser of two roles (roles are declared from most to least rights). */
  public Role atMost(Role other) {
    return ordinal() >= other.ordinal() ? this : other;
  }

  @Override
  public String toString() {
    return wireName();
  }

  /**
   * @throws WorkspaceProblem 400 for an unknown role
   */
  public static Role parse(@Nullable String value) {
    return WireName.parse(Role.class, value, "role");
  }
}
