package io.promptlens.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promptlens.app.analyses.AnalysisRepository;
import io.promptlens.app.analyses.StoredAnalysis;
import io.promptlens.app.generations.Generation;
import io.promptlens.app.generations.GenerationRepository;
import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.Contrast;
import io.promptlens.core.analysis.Focus;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.ImageFormat;
import io.promptlens.core.analysis.ImageInfo;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Provenance;
import io.promptlens.core.analysis.Saturation;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.Temperature;
import io.promptlens.core.analysis.TextContent;
import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Detail;
import io.promptlens.core.compiler.Mode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the repositories promise, whatever the database: a stored analysis or generation reads back
 * equal, a generation cannot point at a missing analysis, and a failed transaction leaves nothing.
 * Run against H2 ({@link H2RepositoryTests}) and PostgreSQL ({@link PostgresRepositoryTests}).
 */
abstract class RepositoryContractTests {

  @Autowired AnalysisRepository analyses;
  @Autowired GenerationRepository generations;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void anAnalysisReadsBackEqual() {
    StoredAnalysis stored = analysis();

    analyses.insert(stored);

    assertThat(analyses.findById(stored.id())).contains(stored);
  }

  @Test
  void anUnknownAnalysisIsEmpty() {
    assertThat(analyses.findById(UUID.randomUUID())).isEmpty();
  }

  @Test
  void aGenerationReadsBackEqualIncludingControlsParametersAndUnicode() {
    StoredAnalysis stored = analysis();
    analyses.insert(stored);
    Generation generation =
        generation(stored.id(), "a café at dusk — «film» 🎞 --ar 4:3", "blurry, text");

    generations.insert(generation);

    assertThat(generations.findById(generation.id())).contains(generation);
  }

  @Test
  void aMissingNegativePromptStaysNull() {
    StoredAnalysis stored = analysis();
    analyses.insert(stored);
    Generation generation = generation(stored.id(), "a quiet harbour", null);

    generations.insert(generation);

    assertThat(generations.findById(generation.id()).orElseThrow().negativePrompt()).isNull();
  }

  @Test
  void aGenerationMustReferToAStoredAnalysis() {
    Generation orphan = generation(UUID.randomUUID(), "nothing to point at", null);

    assertThatThrownBy(() -> generations.insert(orphan))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(generations.findById(orphan.id())).isEmpty();
  }

  @Test
  void aFailedTransactionLeavesNoAnalysisBehind() {
    StoredAnalysis stored = analysis();
    Generation orphan = generation(UUID.randomUUID(), "fails after the analysis", null);

    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      analyses.insert(stored);
                      generations.insert(orphan);
                    }))
        .isInstanceOf(DataIntegrityViolationException.class);

    assertThat(analyses.findById(stored.id())).isEmpty();
  }

  @Test
  void theSchemaIsMigratedByFlyway() {
    List<String> versions =
        jdbc.sql(
                "SELECT \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL"
                    + " ORDER BY \"installed_rank\"")
            .query(String.class)
            .list();

    assertThat(versions).startsWith("1");
  }

  static StoredAnalysis analysis() {
    ImageAnalysis analysis =
        ImageAnalysis.builder()
            .image(ImageInfo.of(1600, 1200, ImageFormat.JPEG))
            .color(
                ColorAnalysis.of(
                    false,
                    List.of(
                        new PaletteColor("#D93A2B", "vermilion", 0.5),
                        new PaletteColor("#1F4EA8", "cobalt blue", 0.25)),
                    Temperature.WARM,
                    Saturation.VIVID,
                    0.123456789,
                    0.9))
            .light(LightAnalysis.of(LightKey.MID, Contrast.HIGH, 0.42, 0.21, 0.8))
            .medium(Medium.of(MediumLabel.THREE_D_RENDER, 0.7))
            .focus(Focus.of(0.8, io.promptlens.core.analysis.DepthOfField.SHALLOW))
            .composition(Composition.unknown())
            .subjects(List.of(new Subject("fox", 0.91, List.of(0.1, 0.2, 0.3, 0.4), "test")))
            .scene(new Scene(List.of(new Scene.Label("snow", 0.8, null))))
            .people(People.none())
            .text(TextContent.none())
            .notes(List.of("faces: not analysed in this build"))
            .provenance(List.of(new Provenance("test", "1.0", "hand-made")))
            .build();
    return new StoredAnalysis(
        UUID.randomUUID(), analysis, "ab".repeat(32), Instant.now().truncatedTo(ChronoUnit.MICROS));
  }

  static Generation generation(UUID analysisId, String prompt, String negativePrompt) {
    return new Generation(
        UUID.randomUUID(),
        analysisId,
        "sdxl",
        Mode.STYLE,
        new Controls(
            Detail.LONG, true, true, "3:2", "a red fox", List.of("grain"), List.of("text")),
        prompt,
        negativePrompt,
        Map.of("width", 1216, "height", 832, "sampler", "dpmpp_2m"),
        List.of("prompt shortened to 75 CLIP tokens"),
        42,
        Instant.now().truncatedTo(ChronoUnit.MICROS),
        true);
  }
}
