package io.promptlens.app.generations;

import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import io.promptlens.vision.json.AnalysisJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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

  @Transactional
  public void insert(Generation generation) {
    jdbc.sql(
            """
            INSERT INTO generations (id, analysis_id, target, mode, controls_json, prompt,
                negative_prompt, parameters_json, warnings_json, tokens, created_at)
            VALUES (:id, :analysisId, :target, :mode, :controls, :prompt,
                :negativePrompt, :parameters, :warnings, :tokens, :createdAt)
            """)
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
        .update();
  }

  @Transactional(readOnly = true)
  public Optional<Generation> findById(UUID id) {
    return jdbc.sql(
            """
            SELECT id, analysis_id, target, mode, controls_json, prompt, negative_prompt,
                parameters_json, warnings_json, tokens, created_at
            FROM generations WHERE id = :id
            """)
        .param("id", id)
        .query(GenerationRepository::map)
        .optional();
  }

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
        row.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
