package io.promptlens.app.analyses;

import io.promptlens.vision.json.AnalysisJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
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

  @Transactional
  public void insert(StoredAnalysis stored) {
    jdbc.sql(
            """
            INSERT INTO analyses (id, schema_version, analysis_json, image_sha256, created_at)
            VALUES (:id, :schemaVersion, :json, :sha256, :createdAt)
            """)
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

  private static StoredAnalysis map(ResultSet row, int number) throws SQLException {
    return new StoredAnalysis(
        row.getObject("id", UUID.class),
        AnalysisJson.readAnalysis(row.getString("analysis_json")),
        row.getString("image_sha256"),
        row.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
