package io.promptlens.vision.neural;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatinFoldTest {

  @Test
  void fullWidthLettersAndDigitsInAnEnglishLineBecomeAscii() {
    assertThat(LatinFold.fold("ＳＥＰＴＥＭＢＥＲ １９９３")).isEqualTo("SEPTEMBER 1993");
    assertThat(LatinFold.fold("daｔeline")).isEqualTo("dateline");
  }

  @Test
  void cyrillicLookAlikesInAnEnglishLineBecomeLatin() {
    assertThat(LatinFold.fold("September 199З")).isEqualTo("September 1993");
    assertThat(LatinFold.fold("Тhe оld road")).isEqualTo("The old road");
  }

  @Test
  void cjkPunctuationInAnEnglishLineBecomesAscii() {
    assertThat(LatinFold.fold("apples、pears。")).isEqualTo("apples,pears.");
  }

  @Test
  void chineseTextIsLeftAsRead() {
    assertThat(LatinFold.fold("你好，世界、ＯＫ")).isEqualTo("你好，世界、ＯＫ");
  }

  @Test
  void russianTextIsLeftAsRead() {
    assertThat(LatinFold.fold("Москва ОК")).isEqualTo("Москва ОК");
  }
}
