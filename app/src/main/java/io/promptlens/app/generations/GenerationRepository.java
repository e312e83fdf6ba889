package io.promptlens.app.generations;

import io.promptlens.app.workspaces.Owner;
import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import io.promptlens.vision.json.AnalysisJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Generations in the {@code generations} table. Controls, parameters and warnings are JSON text:
 * their shape belongs to core and grows with it, and nothing queries inside them yet.
 */
@Repository
public class GenerationRepository {

  private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {};
  private static final TypeReference<List<String>> WARNINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;

  GenerationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An anonymous "try it" generation, readable by whoever holds its id. */
  @Transactional
  public void insert(Generation generation) {
    insert(generation, null);
  }

  @Transactional
  public void insert(Generation generation, @Nullable Owner owner) {
    jdbc.sql(
            """
            INSERT INTO generations (id, analysis_id, target, mode, controls_json, prompt,
                negative_prompt, parameters_json, warnings_json, tokens, created_at,
                workspace_id, created_by, blurred)
            VALUES (:id, :analysisId, :target, :mode, :controls, :prompt,
                :negativePrompt, :parameters, :warnings, :tokens, :createdAt,
                :workspaceId, :createdBy, :blurred)
            """)
        .param("workspaceId", owner == null ? null : owner.workspaceId())
        .param("createdBy", owner == null ? null : owner.userId())
        .param("id", generation.id())
        .param("analysisId", generation.analysisId())
        .param("target", generation.target())
        .param("mode", generation.mode().toString())
        .param("controls", AnalysisJson.write(generation.controls()))
        .param("prompt", generation.prompt())
        .param("negativePrompt", generation.negativePrompt(), java.sql.Types.VARCHAR)
        .param("parameters", AnalysisJson.write(generation.parameters()))
        .param("warnings", AnalysisJson.write(generation.warnings()))
        .param("tokens", generation.tokens())
        .param("createdAt", OffsetDateTime.ofInstant(generation.createdAt(), ZoneOffset.UTC))
        .param("blurred", generation.blurred())
        .update();
  }

  /**
   * Whether the anonymous generation is (still) stored. One statement in auto-commit, no
   * transaction around it: it is asked on every repeated anonymous compile.
   */
  boolean anonymousExists(UUID id) {
    return jdbc.sql("SELECT COUNT(*) FROM generations WHERE id = :id AND workspace_id IS NULL")
            .param("id", id)
            .query(Long.class)
            .single()
        > 0;
  }

  @Transactional(readOnly = true)
  public Optional<Generation> findById(UUID id) {
    return jdbc.sql(
            """
            SELECT id, analysis_id, target, mode, controls_json, prompt, negative_prompt,
                parameters_json, warnings_json, tokens, created_at, blurred
            FROM generations WHERE id = :id
            """)
        .param("id", id)
        .query(GenerationRepository::map)
        .optional();
  }

  /** In the owner's workspace, or among the anonymous ones when there is no owner. */
  @Transactional(readOnly = true)
  public Optional<Generation> find(@Nullable Owner owner, UUID id) {
    return jdbc.sql(
            COLUMNS
                + (owner == null
                    ? " WHERE id = :id AND workspace_id IS NULL"
                    : " WHERE id = :id AND workspace_id = :workspaceId AND deleted_at IS NULL"))
        .param("id", id)
        .params(owner == null ? Map.of() : Map.of("workspaceId", owner.workspaceId()))
        .query(GenerationRepository::map)
        .optional();
  }

  /**
   * A workspace's history, newest first: {@code text} matches the prompt (case-insensitive), {@code
   * target} the target id, {@code from}/{@code to} the creation time (inclusive, exclusive).
   */
  @Transactional(readOnly = true)
  public List<HistoryEntry> search(UUID workspaceId, HistoryQuery query) {
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT g.id, g.analysis_id, g.target, g.mode, g.controls_json, g.prompt,
                g.negative_prompt, g.parameters_json, g.warnings_json, g.tokens, g.created_at,
                g.blurred, u.id AS user_id, u.first_name, u.last_name,
                CASE WHEN t.generation_id IS NULL THEN FALSE ELSE TRUE END AS has_thumbnail
            FROM generations g LEFT JOIN users u ON u.id = g.created_by
                LEFT JOIN generation_thumbnails t ON t.generation_id = g.id
            WHERE g.workspace_id = :workspaceId AND g.deleted_at IS NULL
            """);
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("workspaceId", workspaceId);
    if (query.text() != null) {
      sql.append(" AND LOWER(g.prompt) LIKE :text ESCAPE '\\'");
      params.put("text", "%" + like(query.text().toLowerCase(java.util.Locale.ROOT)) + "%");
    }
    if (query.target() != null) {
      sql.append(" AND g.target = :target");
      params.put("target", query.target());
    }
    if (query.from() != null) {
      sql.append(" AND g.created_at >= :from");
      params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
    }
    if (query.to() != null) {
      sql.append(" AND g.created_at < :to");
      params.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
    }
    sql.append(" ORDER BY g.created_at DESC, g.id LIMIT ").append(query.limit());
    return jdbc.sql(sql.toString())
        .params(params)
        .query(
            (row, n) ->
                new HistoryEntry(
                    map(row, n),
                    row.getObject("user_id", UUID.class),
                    row.getString("first_name") == null
                        ? null
                        : row.getString("first_name") + " " + row.getString("last_name"),
                    row.getBoolean("has_thumbnail")))
        .list();
  }

  /** The thumbnail of a workspace's generation (the workspace opted in); erased with it. */
  @Transactional
  public void insertThumbnail(Generation generation, Owner owner, byte[] jpeg) {
    jdbc.sql(
            """
            INSERT INTO generation_thumbnails (generation_id, workspace_id, jpeg, created_at)
            VALUES (:id, :workspaceId, :jpeg, :createdAt)
            """)
        .param("id", generation.id())
        .param("workspaceId", owner.workspaceId())
        .param("jpeg", jpeg)
        .param("createdAt", OffsetDateTime.ofInstant(generation.createdAt(), ZoneOffset.UTC))
        .update();
  }

  @Transactional(readOnly = true)
  public Optional<byte[]> findThumbnail(UUID workspaceId, UUID generationId) {
    return jdbc.sql(
            "SELECT jpeg FROM generation_thumbnails WHERE workspace_id = :ws AND generation_id = :id")
        .param("ws", workspaceId)
        .param("id", generationId)
        .query((row, n) -> row.getBytes("jpeg"))
        .optional();
  }

  /** A workspace's generation that is not deleted, and who made it (null: nobody known). */
  public record Authored(UUID id, @Nullable UUID author) {}

  @Transactional(readOnly = true)
  public Optional<Authored> authored(UUID workspaceId, UUID id) {
    return jdbc.sql(
            "SELECT id, created_by FROM generations WHERE id = :id AND workspace_id = :workspaceId"
                + " AND deleted_at IS NULL")
        .param("id", id)
        .param("workspaceId", workspaceId)
        .query(
            (row, n) ->
                new Authored(
                    row.getObject("id", UUID.class), row.getObject("created_by", UUID.class)))
        .optional();
  }

  /** Hides a generation from history and lookups by id; the row stays for what points at it. */
  @Transactional
  public int softDelete(UUID workspaceId, UUID id, UUID by, Instant now) {
    return jdbc.sql(
            "UPDATE generations SET deleted_at = :now, deleted_by = :by"
                + " WHERE id = :id AND workspace_id = :workspaceId AND deleted_at IS NULL")
        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .param("by", by)
        .param("id", id)
        .param("workspaceId", workspaceId)
        .update();
  }

  private static String like(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static final String COLUMNS =
      """
      SELECT id, analysis_id, target, mode, controls_json, prompt, negative_prompt,
          parameters_json, warnings_json, tokens, created_at, blurred
      FROM generations
      """;

  private static Generation map(ResultSet row, int number) throws SQLException {
    return new Generation(
        row.getObject("id", UUID.class),
        row.getObject("analysis_id", UUID.class),
        row.getString("target"),
        Mode.parse(row.getString("mode")),
        AnalysisJson.mapper().readValue(row.getString("controls_json"), Controls.class),
        row.getString("prompt"),
        row.getString("negative_prompt"),
        AnalysisJson.mapper().readValue(row.getString("parameters_json"), PARAMETERS),
        AnalysisJson.mapper().readValue(row.getString("warnings_json"), WARNINGS),
        row.getInt("tokens"),
        row.getObject("created_at", OffsetDateTime.class).toInstant(),
        row.getBoolean("blurred"));
  }
}
