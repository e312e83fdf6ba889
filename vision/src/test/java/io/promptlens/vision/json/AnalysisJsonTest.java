package io.promptlens.vision.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promptlens.core.analysis.CameraAngle;
import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.Contrast;
import io.promptlens.core.analysis.DepthOfField;
import io.promptlens.core.analysis.Focus;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.ImageFormat;
import io.promptlens.core.analysis.ImageInfo;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.analysis.LightDirection;
import io.promptlens.core.analysis.LightHardness;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.MotionDirection;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Provenance;
import io.promptlens.core.analysis.Saturation;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.ShotScale;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.SubjectPosition;
import io.promptlens.core.analysis.Temperature;
import io.promptlens.core.analysis.TextContent;
import io.promptlens.core.analysis.TimeOfDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class AnalysisJsonTest {

  private static ImageAnalysis sample() {
    return ImageAnalysis.builder()
        .image(ImageInfo.of(1920, 1080, ImageFormat.JPEG))
        .color(
            ColorAnalysis.of(
                false,
                List.of(
                    new PaletteColor("#C04E01", "burnt orange", 0.55),
                    new PaletteColor("#01153E", "navy", 0.45)),
                Temperature.WARM,
                Saturation.VIVID,
                0.1234,
                0.8))
        .light(LightAnalysis.of(LightKey.LOW, Contrast.HIGH, 0.12, 0.31, 0.7))
        .medium(Medium.of(MediumLabel.THREE_D_RENDER, 0.6))
        .focus(Focus.unknown())
        .composition(Composition.unknown())
        .subjects(List.of(new Subject("cat", 0.9, List.of(0.1, 0.2, 0.3, 0.4), "test")))
        .scene(new Scene(List.of(new Scene.Label("indoor", 0.7, null))))
        .people(
            new People(1, List.of(new People.Face(List.of(0.1, 0.1, 0.2, 0.2), 0.95, null, null))))
        .text(
            new TextContent(
                "HELLO", List.of(new TextContent.Line("HELLO", 0.9, List.of(0.0, 0.0, 1.0, 0.1)))))
        .notes(List.of("a note"))
        .provenance(List.of(new Provenance("vision.color", "1.0", null)))
        .build();
  }

  @Test
  void analysisRoundTripsToAnEqualRecord() {
    ImageAnalysis analysis = sample();

    assertThat(AnalysisJson.readAnalysis(AnalysisJson.write(analysis))).isEqualTo(analysis);
  }

  @Test
  void enumsAreWrittenAsTheirLowerCaseWireNames() {
    String json = AnalysisJson.write(sample());

    assertThat(json)
        .contains("\"label\":\"3d_render\"")
        .contains("\"orientation\":\"landscape\"")
        .contains("\"temperature\":\"warm\"")
        .contains("\"saturation\":\"vivid\"")
        .contains("\"key\":\"low\"")
        .contains("\"contrast\":\"high\"")
        .contains("\"format\":\"jpeg\"")
        .doesNotContain("THREE_D_RENDER", "LANDSCAPE", "WARM");
  }

  @Test
  void nullsAreWrittenNotOmitted() {
    String json = AnalysisJson.write(sample());

    assertThat(json)
        .contains("\"sharpness\":null")
        .contains("\"depthOfField\":null")
        .contains("\"subjectPosition\":null")
        .contains("\"ageRange\":null")
        .contains("\"detail\":null");
  }

  @Test
  void unknownPropertiesAreIgnoredOnRead() {
    String json =
        AnalysisJson.write(sample()).replaceFirst("\\{", "{\"addedInALaterVersion\":true,");

    assertThat(AnalysisJson.readAnalysis(json)).isEqualTo(sample());
  }

  /** Every fixed-value field of composition, focus and light set, each to a multi-word value. */
  private static ImageAnalysis measured() {
    LightAnalysis light = sample().light();
    return sample().toBuilder()
        .light(
            new LightAnalysis(
                light.key(),
                light.contrast(),
                light.meanLuminance(),
                light.rmsContrast(),
                light.confidence(),
                null,
                null,
                null,
                false,
                false,
                LightDirection.FRONT,
                LightHardness.SOFT,
                TimeOfDay.GOLDEN_HOUR,
                0.6,
                null,
                null))
        .focus(
            new Focus(
                0.4,
                DepthOfField.SHALLOW,
                0.7,
                false,
                true,
                MotionDirection.DIAGONAL_RISING,
                1.2,
                false,
                0.1,
                false,
                0.5,
                135.0,
                0.6,
                null,
                null))
        .composition(
            new Composition(
                SubjectPosition.UPPER_LEFT_THIRD,
                ShotScale.CLOSE_UP,
                List.of(0.2, 0.1, 0.8, 0.7),
                0.5,
                0.3,
                null,
                null,
                0.1,
                false,
                CameraAngle.TOP_DOWN,
                0.6,
                0.7,
                null,
                null))
        .build();
  }

  @Test
  void fixedValuesAreWrittenAsTheWordsOfTheContract() {
    String json = AnalysisJson.write(measured());

    assertThat(json)
        .contains("\"subjectPosition\":\"upper-left third\"")
        .contains("\"shotScale\":\"close-up\"")
        .contains("\"cameraAngle\":\"top-down\"")
        .contains("\"depthOfField\":\"shallow\"")
        .contains("\"motionDirection\":\"diagonal-rising\"")
        .contains("\"lightDirection\":\"front\"")
        .contains("\"hardness\":\"soft\"")
        .contains("\"timeOfDay\":\"golden hour\"");
    assertThat(AnalysisJson.readAnalysis(json)).isEqualTo(measured());
  }

  @Test
  void aWordOutsideAFixedSetIsRefusedNamingTheWordsItAccepts() {
    String json =
        AnalysisJson.write(measured())
            .replace("\"cameraAngle\":\"top-down\"", "\"cameraAngle\":\"sideways\"");

    assertThatThrownBy(() -> AnalysisJson.readAnalysis(json))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("sideways")
        .hasMessageContaining("eye level");
  }
}
