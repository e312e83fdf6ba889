package io.promptlens.core.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.compiler.TargetProfile.Syntax;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordingTest {

  @ParameterizedTest
  @CsvSource({
    "3D render, a",
    "illustration, an",
    "oil painting, an",
    "8-bit sprite, an",
    "unicorn, a",
    "European street, a",
    "photograph, a"
  })
  void picksTheArticleBySound(String word, String article) {
    assertThat(NaturalRenderer.article(word)).isEqualTo(article);
  }

  @ParameterizedTest
  @CsvSource({
    "outdoor, NATURAL, an outdoor setting",
    "outdoor, TAGS, outdoors",
    "indoor, TAGS, indoors",
    "vegetation, NATURAL, vegetation"
  })
  void sceneLabelsBecomeNounPhrasesInSentencesAndBooruTagsInTagPrompts(
      String label, Syntax syntax, String expected) {
    assertThat(PhraseExtractor.sceneText(label, syntax)).isEqualTo(expected);
  }
}
