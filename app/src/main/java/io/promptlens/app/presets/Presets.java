package io.promptlens.app.presets;

import io.promptlens.app.analyses.AnalysisRepository;
import io.promptlens.app.workspaces.Member;
import io.promptlens.app.workspaces.Permission;
import io.promptlens.app.workspaces.WorkspaceProblem;
import io.promptlens.vision.json.AnalysisJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A workspace's style presets: made from an analysis or by hand, edited by members. */
@Service
class Presets {

  record Preset(
      UUID id,
      UUID workspaceId,
      String name,
      StyleSpec style,
      @Nullable UUID analysisId,
      Instant createdAt,
      Instant updatedAt) {}

  private final JdbcClient jdbc;
  private final AnalysisRepository analyses;
  private final Clock clock;

  Presets(JdbcClient jdbc, AnalysisRepository analyses, Clock clock) {
    this.jdbc = jdbc;
    this.analyses = analyses;
    this.clock = clock;
  }

  /** From the workspace's analysis {@code analysisId}, or from {@code style} by hand. */
  @Transactional
  Preset create(
      Member member, @Nullable String name, @Nullable UUID analysisId, @Nullable StyleSpec style) {
    require(member, Permission.CREATE);
    StyleSpec spec;
    if (analysisId != null) {
      spec =
          StyleSpec.of(
              analyses
                  .findInWorkspace(member.workspaceId(), analysisId)
                  .orElseThrow(() -> WorkspaceProblem.notFound("analysis", analysisId))
                  .analysis());
    } else if (style != null) {
      spec = style;
    } else {
      throw WorkspaceProblem.badRequest("Send an analysisId to start from, or a style.");
    }
    Preset preset =
        new Preset(
            UUID.randomUUID(),
            member.workspaceId(),
            name(name),
            valid(spec),
            analysisId,
            now(),
            now());
    jdbc.sql(
            """
            INSERT INTO style_presets (id, workspace_id, name, style_json, analysis_id,
                created_by, created_at, updated_by, updated_at)
            VALUES (:id, :ws, :name, :style, :analysis, :user, :now, :user, :now)
            """)
        .param("id", preset.id())
        .param("ws", preset.workspaceId())
        .param("name", preset.name())
        .param("style", AnalysisJson.mapper().writeValueAsString(preset.style()))
        .param("analysis", analysisId)
        .param("user", member.userId())
        .param("now", OffsetDateTime.ofInstant(preset.createdAt(), ZoneOffset.UTC))
        .update();
    return preset;
  }

  @Transactional
  Preset update(Member member, UUID id, @Nullable String name, @Nullable StyleSpec style) {
    require(member, Permission.CREATE);
    Preset current = get(member, id);
    jdbc.sql(
            """
            UPDATE style_presets SET name = :name, style_json = :style, updated_by = :user,
                updated_at = :now
            WHERE id = :id AND workspace_id = :ws
            """)
        .param("name", name == null ? current.name() : name(name))
        .param(
            "style",
            AnalysisJson.mapper()
                .writeValueAsString(style == null ? current.style() : valid(style)))
        .param("user", member.userId())
        .param("now", OffsetDateTime.ofInstant(now(), ZoneOffset.UTC))
        .param("id", id)
        .param("ws", member.workspaceId())
        .update();
    return get(member, id);
  }

  @Transactional(readOnly = true)
  Preset get(Member member, UUID id) {
    return jdbc.sql(SELECT + " WHERE id = :id AND workspace_id = :ws")
        .param("id", id)
        .param("ws", member.workspaceId())
        .query(Presets::map)
        .optional()
        .orElseThrow(() -> WorkspaceProblem.notFound("style preset", id));
  }

  @Transactional(readOnly = true)
  List<Preset> list(Member member) {
    return jdbc.sql(SELECT + " WHERE workspace_id = :ws ORDER BY name, id")
        .param("ws", member.workspaceId())
        .query(Presets::map)
        .list();
  }

  private static StyleSpec valid(StyleSpec spec) {
    try {
      return spec.validated();
    } catch (IllegalArgumentException e) {
      throw WorkspaceProblem.badRequest(e.getMessage());
    }
  }

  private static String name(@Nullable String name) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty() || trimmed.length() > 100) {
      throw WorkspaceProblem.badRequest("A preset name of 1 to 100 characters is required.");
    }
    return trimmed;
  }

  private static void require(Member member, Permission permission) {
    if (!member.role().can(permission)) {
      throw WorkspaceProblem.forbidden(member.role(), permission);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static final String SELECT =
      "SELECT id, workspace_id, name, style_json, analysis_id, created_at, updated_at"
          + " FROM style_presets";

  private static Preset map(ResultSet row, int number) throws SQLException {
    return new Preset(
        row.getObject("id", UUID.class),
        row.getObject("workspace_id", UUID.class),
        row.getString("name"),
        AnalysisJson.mapper().readValue(row.getString("style_json"), StyleSpec.class),
        row.getObject("analysis_id", UUID.class),
        row.getObject("created_at", OffsetDateTime.class).toInstant(),
        row.getObject("updated_at", OffsetDateTime.class).toInstant());
  }
}
