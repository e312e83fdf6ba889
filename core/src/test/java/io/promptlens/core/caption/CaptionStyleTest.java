package io.promptlens.core.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionStyleTest {

  private static final String PROMPT =
      "a cat on a sofa, warm tones, soft light, warm, inviting atmosphere";

  @Test
  void aPlainStyleWritesThePromptAsOneLine() {
    assertThat(CaptionStyle.PLAIN.apply("a cat,\nsoft light\r\n, warm tones"))
        .isEqualTo("a cat, soft light, warm tones");
  }

  @Test
  void theTriggerWordComesFirstThenPrefixPromptAndSuffix() {
    CaptionStyle style = new CaptionStyle("mystyle", "photo", "high quality", List.of(), false);

    assertThat(style.apply("a cat, soft light"))
        .isEqualTo("mystyle, photo, a cat, soft light, high quality");
  }

  @Test
  void anExcludedTagDropsOnlyTheWholePhraseIgnoringCaseAndWeights() {
    CaptionStyle style = new CaptionStyle(null, null, null, List.of("WARM", "soft_light"), false);

    assertThat(style.apply("a cat, warm tones, (soft light:1.2), warm, inviting"))
        .isEqualTo("a cat, warm tones, inviting");
  }

  @Test
  void anExcludedTagIsNeverWrittenEvenFromThePrefixOrSuffix() {
    CaptionStyle style =
        new CaptionStyle(null, "blurry, photo", "blurry", List.of("blurry"), false);

    assertThat(style.apply("a cat")).isEqualTo("photo, a cat");
  }

  @Test
  void underscoresJoinTheWordsOfEachPhraseButNotTheTrigger() {
    CaptionStyle style = new CaptionStyle("my style", null, null, List.of(), true);

    assertThat(style.apply("long hair, soft light, score_9"))
        .isEqualTo("my style, long_hair, soft_light, score_9");
  }

  @Test
  void aPhraseSaidTwiceIsWrittenOnceAndTheTriggerIsNotRepeated() {
    CaptionStyle style = new CaptionStyle("mystyle", null, null, List.of(), false);

    assertThat(style.apply("MyStyle, a cat, a  cat, A cat")).isEqualTo("mystyle, a cat");
  }

  @Test
  void commasInsideWeightedGroupsDoNotSplitThem() {
    assertThat(CaptionStyle.PLAIN.apply("(red, blue:1.2), a kite"))
        .isEqualTo("(red, blue:1.2), a kite");
  }

  @Test
  void theCaptionOfAnEmptyPromptIsTheTriggerAlone() {
    assertThat(new CaptionStyle("mystyle", null, null, List.of(), false).apply(""))
        .isEqualTo("mystyle");
    assertThat(CaptionStyle.PLAIN.apply(null)).isEmpty();
  }

  @Test
  void aTriggerWithACommaOrAnOverlongOptionIsRefused() {
    assertThatThrownBy(() -> new CaptionStyle("a,b", null, null, List.of(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("comma");
    assertThatThrownBy(() -> new CaptionStyle(null, "x".repeat(501), null, List.of(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("500");
  }

  @Test
  void blankOptionsAndBlankExcludedTagsMeanNone() {
    CaptionStyle style = new CaptionStyle(" ", "", null, List.of(" ", "cat"), false);

    assertThat(style.trigger()).isNull();
    assertThat(style.prefix()).isNull();
    assertThat(style.exclude()).containsExactly("cat");
    assertThat(style.apply(PROMPT)).startsWith("a cat on a sofa, warm tones");
  }
}
