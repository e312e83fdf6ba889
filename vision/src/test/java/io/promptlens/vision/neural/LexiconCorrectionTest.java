package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.vision.neural.LexiconCorrection.Alternative;
import io.promptlens.vision.neural.LexiconCorrection.Glyph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LexiconCorrectionTest {

  private static final Lexicon WORDS =
      new Lexicon(
          Set.of(
              "will",
              "noticed",
              "the",
              "is",
              "wait",
              "if",
              "close",
              "clone",
              "priory",
              "galleries",
              "pause"));

  /** Glyphs of {@code text}; {@code alternatives} gives "position:char:probability" entries. */
  private static List<Glyph> glyphs(String text, String... alternatives) {
    List<Glyph> glyphs = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      List<Alternative> alts = new ArrayList<>();
      for (String a : alternatives) {
        String[] parts = a.split(":");
        if (Integer.parseInt(parts[0]) == i) {
          alts.add(new Alternative(parts[1], Double.parseDouble(parts[2])));
        }
      }
      glyphs.add(new Glyph(String.valueOf(text.charAt(i)), 0.6, alts));
    }
    return glyphs;
  }

  @Test
  void aNonWordTakesTheModelsSecondChoicesThatMakeAWord() {
    assertThat(LexiconCorrection.correct(glyphs("wlll", "1:i:0.3", "2:i:0.2"), WORDS))
        .isEqualTo("will");
  }

  @Test
  void aWordIsLeftAsReadEvenWhenAnAlternativeWouldMakeAnotherWord() {
    assertThat(LexiconCorrection.correct(glyphs("close", "1:n:0.4"), WORDS)).isEqualTo("close");
  }

  @Test
  void withoutAnAlternativeThatMakesAWordTheReadingStays() {
    assertThat(LexiconCorrection.correct(glyphs("Dubrovnik", "1:a:0.3"), WORDS))
        .isEqualTo("Dubrovnik");
    assertThat(LexiconCorrection.correct(glyphs("xlll", "1:i:0.3", "2:i:0.3"), WORDS))
        .isEqualTo("xlll");
  }

  @Test
  void atMostTwoCharactersChange() {
    assertThat(LexiconCorrection.correct(glyphs("nqtlcqd", "1:o:0.3", "3:i:0.3", "5:e:0.3"), WORDS))
        .isEqualTo("nqtlcqd");
  }

  @Test
  void alternativesBelowTheFloorAreNotUsed() {
    assertThat(LexiconCorrection.correct(glyphs("lf", "0:i:0.01"), WORDS)).isEqualTo("lf");
    assertThat(LexiconCorrection.correct(glyphs("lf", "0:i:0.05"), WORDS)).isEqualTo("if");
  }

  @Test
  void eachWordOfALineIsCorrectedOnItsOwnAndPunctuationStays() {
    assertThat(
            LexiconCorrection.correct(glyphs("lf tbe ls,", "0:i:0.3", "4:h:0.3", "7:i:0.3"), WORDS))
        .isEqualTo("if the is,");
  }

  @Test
  void aCapitalisedWordInsideASentenceIsTakenForAName() {
    assertThat(LexiconCorrection.correct(glyphs("by Walt", "5:i:0.4"), WORDS)).isEqualTo("by Walt");
    assertThat(LexiconCorrection.correct(glyphs("Walt", "2:i:0.4"), WORDS)).isEqualTo("Wait");
    assertThat(LexiconCorrection.correct(glyphs("so. Walt", "6:i:0.4"), WORDS))
        .isEqualTo("so. Wait");
  }

  @Test
  void theCorrectionKeepsTheReadingsCase() {
    assertThat(LexiconCorrection.correct(glyphs("WLLL", "1:i:0.3", "2:i:0.3"), WORDS))
        .isEqualTo("WILL");
    assertThat(LexiconCorrection.correct(glyphs("Notlced", "3:i:0.3"), WORDS)).isEqualTo("Noticed");
  }

  @Test
  void aWordOfTheListReadInMixedCaseTakesTheCaseMostOfItsLettersHave() {
    assertThat(LexiconCorrection.correct(glyphs("pRioRy galleRies"), WORDS))
        .isEqualTo("priory galleries");
    assertThat(LexiconCorrection.correct(glyphs("PAUSe"), WORDS)).isEqualTo("PAUSE");
    assertThat(LexiconCorrection.correct(glyphs("PriOry"), WORDS)).isEqualTo("Priory");
  }

  @Test
  void wordsWrittenAsWordsAreAndWordsNotInTheListKeepTheirCase() {
    assertThat(LexiconCorrection.correct(glyphs("PAUSE Pause pause"), WORDS))
        .isEqualTo("PAUSE Pause pause");
    assertThat(LexiconCorrection.correct(glyphs("iPhone WEEKmedia"), WORDS))
        .isEqualTo("iPhone WEEKmedia");
  }

  @Test
  void withoutALexiconNothingChanges() {
    assertThat(LexiconCorrection.correct(glyphs("wlll", "1:i:0.3", "2:i:0.2"), null))
        .isEqualTo("wlll");
  }
}
