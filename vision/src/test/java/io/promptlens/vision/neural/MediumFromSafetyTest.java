package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.TextContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediumFromSafetyTest {

  @ParameterizedTest
  @CsvSource({
    // measured,     drawing, expected
    "THREE_D_RENDER, 0.05, PHOTO",
    "UNKNOWN,        0.02, PHOTO",
    "THREE_D_RENDER, 0.20, THREE_D_RENDER",
    "GRAPHIC,        0.01, GRAPHIC",
    "DOCUMENT,       0.01, DOCUMENT",
    "ILLUSTRATION,   0.01, ILLUSTRATION",
    "PHOTO,          0.99, PHOTO",
    // A photographed cat scored 0.79 "drawing": the signal never turns a photo into a drawing.
    "PHOTO,          0.78, PHOTO",
    "PAINTING,       0.95, PAINTING"
  })
  void theClassifierOnlyTurnsARenderOrAnUnknownIntoAPhoto(
      MediumLabel measured, double drawing, MediumLabel expected) {
    SafetyAssessment assessment = new SafetyAssessment("safe", 0.01, drawing, Map.of());

    Medium medium = FeatureProbes.medium(Medium.of(measured, 0.6), assessment);

    assertThat(medium.label()).isEqualTo(expected);
    if (expected == MediumLabel.PHOTO && expected != measured) {
      assertThat(medium.confidence()).isEqualTo(1 - drawing);
    }
  }

  @Test
  void aPageOnWhichTheReaderReadNothingIsNotADocument() {
    Medium bricks = Medium.of(MediumLabel.DOCUMENT, 0.875);

    Medium decided = NeuralAnalyzers.unreadPage(bricks, true, TextContent.none());

    assertThat(decided.label()).isEqualTo(MediumLabel.UNKNOWN);
    assertThat(decided.confidence()).isZero();
  }

  @Test
  void aPageWithRunningTextOrWithoutTheReaderStaysADocument() {
    Medium page = Medium.of(MediumLabel.DOCUMENT, 0.875);
    String letter =
        """
        Dear reader, thank you for the letter of May.
        We have read it with care and we agree that
        the figures in the second table do not add up.
        A corrected table will follow within the week,
        together with the notes on how it was made.
        Yours sincerely, the editors of the journal""";
    List<String> rows = letter.lines().toList();
    TextContent read =
        new TextContent(
            letter,
            rows.stream()
                .map(row -> new TextContent.Line(row, 0.9, List.of(0.1, 0.1, 0.8, 0.04)))
                .toList());

    assertThat(NeuralAnalyzers.unreadPage(page, true, read)).isEqualTo(page);
    assertThat(NeuralAnalyzers.unreadPage(page, false, TextContent.none())).isEqualTo(page);
  }

  @Test
  void theLabelsOfADiagramDoNotConfirmAPage() {
    Medium rows = Medium.of(MediumLabel.DOCUMENT, 0.9);
    List<TextContent.Line> labels = new ArrayList<>();
    for (String label : new String[] {"User", "Space", "OS", "Buffers", "Disk", "shared"}) {
      labels.add(new TextContent.Line(label, 0.9, List.of(0.1, 0.1, 0.1, 0.05)));
    }

    Medium decided = NeuralAnalyzers.unreadPage(rows, true, new TextContent("User ...", labels));

    assertThat(decided.label()).isEqualTo(MediumLabel.UNKNOWN);
  }
}
