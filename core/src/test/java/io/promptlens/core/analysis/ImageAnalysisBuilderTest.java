package io.promptlens.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The builder leaves no section null: what no analyzer set is unknown or empty. */
class ImageAnalysisBuilderTest {

  @Test
  void aSectionLeftUnsetIsUnknownOrEmpty() {
    ImageAnalysis analysis =
        ImageAnalysis.builder().image(ImageInfo.of(640, 480, ImageFormat.PNG)).build();

    assertThat(analysis.color()).isEqualTo(ColorAnalysis.unknown());
    assertThat(analysis.light()).isEqualTo(LightAnalysis.unknown());
    assertThat(analysis.focus()).isEqualTo(Focus.unknown());
    assertThat(analysis.composition()).isEqualTo(Composition.unknown());
    assertThat(analysis.scene()).isEqualTo(Scene.empty());
    assertThat(analysis.people()).isEqualTo(People.none());
    assertThat(analysis.text()).isEqualTo(TextContent.none());
    assertThat(analysis.safety()).isEqualTo(Safety.unknown());
    assertThat(analysis.subject()).isEqualTo(MainSubject.unknown());
  }

  @Test
  void anAnalysisWithoutItsImagesFactsIsRefused() {
    assertThatThrownBy(() -> ImageAnalysis.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("image");
  }
}
