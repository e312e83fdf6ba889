package io.promptlens.app.workspaces;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code workspaces} and {@code memberships}. */
@Repository
class WorkspaceRepository {

  /** A workspace as one member sees it. */
  record Membership(Workspace workspace, Role role) {}

  /** A member as the member list shows them. */
  record MemberView(UUID userId, String firstName, String lastName, String email, Role role) {}

  private final JdbcClient jdbc;

  WorkspaceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Workspace workspace, UUID createdBy) {
    jdbc.sql(
            """
            INSERT INTO workspaces (id, name, personal, created_by, created_at)
            VALUES (:id, :name, :personal, :createdBy, :createdAt)
            """)
        .param("id", workspace.id())
        .param("name", workspace.name())
        .param("personal", workspace.personal())
        .param("createdBy", createdBy)
        .param("createdAt", at(workspace.createdAt()))
        .update();
  }

  void addMember(UUID workspaceId, UUID userId, Role role, Instant joinedAt) {
    jdbc.sql(
            """
            INSERT INTO memberships (workspace_id, user_id, role, joined_at)
            VALUES (:workspaceId, :userId, :role, :joinedAt)
            """)
        .param("workspaceId", workspaceId)
        .param("userId", userId)
        .param("role", role.wireName())
        .param("joinedAt", at(joinedAt))
        .update();
  }

  int setRole(UUID workspaceId, UUID userId, Role role) {
    return jdbc.sql(
            "UPDATE memberships SET role = :role WHERE workspace_id = :ws AND user_id = :user")
        .param("role", role.wireName())
        .param("ws", workspaceId)
        .param("user", userId)
        .update();
  }

  int removeMember(UUID workspaceId, UUID userId) {
    return jdbc.sql("DELETE FROM memberships WHERE workspace_id = :ws AND user_id = :user")
        .param("ws", workspaceId)
        .param("user", userId)
        .update();
  }

  /** A key dies with its creator's membership: removal and leaving revoke it for good. */
  int revokeKeysOf(UUID workspaceId, UUID userId, Instant now) {
    return jdbc.sql(
            """
            UPDATE api_keys SET revoked_at = :now
            WHERE workspace_id = :ws AND created_by = :user AND revoked_at IS NULL
            """)
        .param("now", at(now))
        .param("ws", workspaceId)
        .param("user", userId)
        .update();
  }

  Optional<Membership> membership(UUID workspaceId, UUID userId) {
    return jdbc.sql(SELECT + " WHERE w.id = :ws AND m.user_id = :user")
        .param("ws", workspaceId)
        .param("user", userId)
        .query(WorkspaceRepository::map)
        .optional();
  }

  List<Membership> membershipsOf(UUID userId) {
    return jdbc.sql(SELECT + " WHERE m.user_id = :user ORDER BY w.personal DESC, w.name, w.id")
        .param("user", userId)
        .query(WorkspaceRepository::map)
        .list();
  }

  Optional<Workspace> personalOf(UUID userId) {
    return jdbc.sql(SELECT + " WHERE m.user_id = :user AND w.personal = TRUE AND m.role = 'owner'")
        .param("user", userId)
        .query(WorkspaceRepository::map)
        .optional()
        .map(Membership::workspace);
  }

  List<MemberView> members(UUID workspaceId) {
    return jdbc.sql(
            """
            SELECT u.id, u.first_name, u.last_name, u.email, m.role
            FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.workspace_id = :ws ORDER BY u.last_name, u.first_name, u.id
            """)
        .param("ws", workspaceId)
        .query(
            (row, n) ->
                new MemberView(
                    row.getObject("id", UUID.class),
                    row.getString("first_name"),
                    row.getString("last_name"),
                    row.getString("email"),
                    Role.parse(row.getString("role"))))
        .list();
  }

  Optional<WorkspaceSettings> settings(UUID workspaceId) {
    return jdbc.sql(
            "SELECT safety_action, thumbnails, vision_provider FROM workspaces WHERE id = :ws")
        .param("ws", workspaceId)
        .query(
            (row, n) ->
                new WorkspaceSettings(
                    SafetyAction.parse(row.getString("safety_action")),
                    row.getBoolean("thumbnails"),
                    row.getBoolean("vision_provider")))
        .optional();
  }

  void saveSettings(UUID workspaceId, WorkspaceSettings settings) {
    jdbc.sql(
            "UPDATE workspaces SET safety_action = :action, thumbnails = :thumbnails,"
                + " vision_provider = :provider WHERE id = :ws")
        .param("action", settings.safetyAction().wireName())
        .param("thumbnails", settings.thumbnails())
        .param("provider", settings.visionProvider())
        .param("ws", workspaceId)
        .update();
  }

  private static final String SELECT =
      """
      SELECT w.id, w.name, w.personal, w.created_at, m.role
      FROM workspaces w JOIN memberships m ON m.workspace_id = w.id
      """;

  private static Membership map(ResultSet row, int number) throws SQLException {
    return new Membership(
        new Workspace(
            row.getObject("id", UUID.class),
            row.getString("name"),
            row.getBoolean("personal"),
            row.getObject("created_at", OffsetDateTime.class).toInstant()),
        Role.parse(row.getString("role")));
  }

  /**
   * Marks one row of a workspace's {@code table} (API keys, invitations) revoked while it is still
   * {@code live}; {@code table} and {@code live} are this package's SQL, never a caller's input.
   *
   * @return 1, or 0 when the workspace has no such live row
   */
  static int revoke(
      JdbcClient jdbc, String table, String live, Member member, UUID id, Instant now) {
    return jdbc.sql(
            "UPDATE "
                + table
                + " SET revoked_at = :now WHERE id = :id AND workspace_id = :ws AND "
                + live)
        .param("now", at(now))
        .param("id", id)
        .param("ws", member.workspaceId())
        .update();
  }

  static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
