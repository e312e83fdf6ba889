package io.promptlens.app.analyses;

import io.promptlens.app.workspaces.Owner;
import io.promptlens.vision.json.AnalysisJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analyses in the {@code analyses} table. The analysis is kept as the same JSON the API returns
 * (schemaVersion included), so a row stays readable when the model grows new fields.
 */
@Repository
public class AnalysisRepository {

  private final JdbcClient jdbc;

  AnalysisRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An anonymous "try it" analysis, readable by whoever holds its id. */
  @Transactional
  public void insert(StoredAnalysis stored) {
    insert(stored, null);
  }

  @Transactional
  public void insert(StoredAnalysis stored, @Nullable Owner owner) {
    jdbc.sql(
            """
            INSERT INTO analyses (id, schema_version, analysis_json, image_sha256, created_at,
                workspace_id, created_by)
            VALUES (:id, :schemaVersion, :json, :sha256, :createdAt, :workspaceId, :createdBy)
            """)
        .param("workspaceId", owner == null ? null : owner.workspaceId())
        .param("createdBy", owner == null ? null : owner.userId())
        .param("id", stored.id())
        .param("schemaVersion", stored.analysis().schemaVersion())
        .param("json", AnalysisJson.write(stored.analysis()))
        .param("sha256", stored.imageSha256())
        .param("createdAt", OffsetDateTime.ofInstant(stored.createdAt(), ZoneOffset.UTC))
        .update();
  }

  @Transactional(readOnly = true)
  public Optional<StoredAnalysis> findById(UUID id) {
    return jdbc.sql(
            """
            SELECT id, analysis_json, image_sha256, created_at FROM analyses WHERE id = :id
            """)
        .param("id", id)
        .query(AnalysisRepository::map)
        .optional();
  }

  /** An anonymous analysis; one that belongs to a workspace is not found here. */
  @Transactional(readOnly = true)
  public Optional<StoredAnalysis> findUnowned(UUID id) {
    return jdbc.sql(
            """
            SELECT id, analysis_json, image_sha256, created_at FROM analyses
            WHERE id = :id AND workspace_id IS NULL
            """)
        .param("id", id)
        .query(AnalysisRepository::map)
        .optional();
  }

  @Transactional(readOnly = true)
  public Optional<StoredAnalysis> findInWorkspace(UUID workspaceId, UUID id) {
    return jdbc.sql(
            """
            SELECT id, analysis_json, image_sha256, created_at FROM analyses
            WHERE id = :id AND workspace_id = :workspaceId
            """)
        .param("id", id)
        .param("workspaceId", workspaceId)
        .query(AnalysisRepository::map)
        .optional();
  }

  /** In the owner's workspace, or among the anonymous ones when there is no owner. */
  @Transactional(readOnly = true)
  public Optional<StoredAnalysis> find(@Nullable Owner owner, UUID id) {
    return owner == null ? findUnowned(id) : findInWorkspace(owner.workspaceId(), id);
  }

  private static StoredAnalysis map(ResultSet row, int number) throws SQLException {
    return new StoredAnalysis(
        row.getObject("id", UUID.class),
        AnalysisJson.readAnalysis(row.getString("analysis_json")),
        row.getString("image_sha256"),
        row.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
