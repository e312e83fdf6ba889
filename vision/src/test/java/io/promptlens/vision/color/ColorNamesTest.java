package io.promptlens.vision.color;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColorNamesTest {

  private final ColorNames names = ColorNames.xkcd();

  @Test
  void loadsTheSurveyListLessItsExclusions() {
    assertThat(names.size()).isEqualTo(949 - 141);
  }

  @Test
  void namesExactListEntriesByTheirOwnName() {
    assertThat(names.nameOf(0xCA6641)).isEqualTo("terracotta");
    assertThat(names.nameOf(0x01153E)).isEqualTo("navy");
    assertThat(names.nameOf(0xC04E01)).isEqualTo("burnt orange");
  }

  @Test
  void neverAnswersWithAnExcludedName() {
    // Exact colours of excluded entries: "puke" (#A5A502) and "liliac" (#C48EFD).
    assertThat(names.nameOf(0xA5A502)).isNotEqualTo("puke");
    assertThat(names.nameOf(0xC48EFD)).isNotEqualTo("liliac");
  }
}
