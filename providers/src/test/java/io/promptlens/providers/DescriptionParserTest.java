package io.promptlens.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promptlens.providers.DescriptionParser.MalformedReplyException;
import org.junit.jupiter.api.Test;

class DescriptionParserTest {

  @Test
  void readsEveryField() throws Exception {
    ProviderDescription d = DescriptionParser.parse(ProviderContractTest.FOX);

    assertThat(d.description()).isEqualTo("a red fox in fresh snow");
    assertThat(d.subjects()).hasSize(1);
    assertThat(d.subjects().get(0).attributes()).containsExactly("bushy tail");
    assertThat(d.action()).isEqualTo("standing");
    assertThat(d.style()).isEqualTo("wildlife photograph");
    assertThat(d.mood()).isEqualTo("calm");
    assertThat(d.camera()).isEqualTo("eye-level telephoto");
    assertThat(d.lighting()).isEqualTo("soft overcast daylight");
    assertThat(d.visibleText()).isEmpty();
    assertThat(d.call()).isNull();
  }

  @Test
  void toleratesFencesMissingStringsAndOutOfRangeConfidence() throws Exception {
    ProviderDescription d =
        DescriptionParser.parse(
            "Here you go:\n```json\n{\"subjects\":[{\"name\":\" cat \",\"confidence\":1.7},"
                + "\"dog\"],\"setting\":null}\n```");

    assertThat(d.subjects())
        .extracting(ProviderDescription.Subject::name)
        .containsExactly("cat", "dog");
    assertThat(d.subjects().get(0).confidence()).isEqualTo(1.0);
    assertThat(d.subjects().get(1).confidence()).isNull();
    assertThat(d.setting()).isEmpty();
    assertThat(d.description()).isEmpty();
  }

  @Test
  void namesTheFieldAtFault() {
    assertThatThrownBy(() -> DescriptionParser.parse("{\"subjects\":[{\"name\":\"\"}]}"))
        .isInstanceOf(MalformedReplyException.class)
        .hasMessage("subjects[0].name must be a non-empty string");
    assertThatThrownBy(
            () ->
                DescriptionParser.parse("{\"subjects\":[{\"name\":\"x\",\"confidence\":\"hi\"}]}"))
        .hasMessage("subjects[0].confidence must be a number from 0 to 1");
    assertThatThrownBy(() -> DescriptionParser.parse("{\"subjects\":[],\"mood\":3}"))
        .hasMessage("\"mood\" must be a string");
    assertThatThrownBy(() -> DescriptionParser.parse("{\"description\":\"x\"}"))
        .hasMessage("\"subjects\" must be an array");
    assertThatThrownBy(() -> DescriptionParser.parse("{\"subjects\":[]}"))
        .hasMessage("the answer has neither a description nor subjects");
    assertThatThrownBy(() -> DescriptionParser.parse("[1,2]"))
        .hasMessage("the answer is not a JSON object");
    assertThatThrownBy(() -> DescriptionParser.parse("  ")).hasMessage("the answer was empty");
    assertThatThrownBy(() -> DescriptionParser.parse(ProviderContractTest.TRUNCATED))
        .hasMessageStartingWith("the answer is not valid JSON: ");
  }

  @Test
  void longTextIsClipped() throws Exception {
    String longText = "x".repeat(2_000);
    ProviderDescription d =
        DescriptionParser.parse("{\"description\":\"" + longText + "\",\"subjects\":[]}");

    assertThat(d.description()).hasSize(DescriptionParser.MAX_TEXT);
  }
}
