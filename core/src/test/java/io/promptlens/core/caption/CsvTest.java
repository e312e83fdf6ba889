package io.promptlens.core.caption;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
    assertThat(Csv.line(List.of("a.png", "a cat, soft light", "say \"hi\"", 3)))
        .isEqualTo("a.png,\"a cat, soft light\",\"say \"\"hi\"\"\",3");
  }

  @Test
  void aFieldThatASpreadsheetWouldRunAsAFormulaIsDefused() {
    assertThat(Csv.line(List.of("=HYPERLINK(1)", "-x"))).isEqualTo("'=HYPERLINK(1),'-x");
  }

  @Test
  void nullIsAnEmptyField() {
    assertThat(Csv.line(Arrays.asList("a", null, "b"))).isEqualTo("a,,b");
  }

  @Test
  void fieldsReadBackAsWritten() {
    for (String name : List.of("plain.png", "with, comma.png", "\"quoted\".png", "=1+1.png")) {
      assertThat(Csv.fields(Csv.line(List.of(name, "a, b", "")))).containsExactly(name, "a, b", "");
    }
  }

  @Test
  void aLineCutInsideAQuotedFieldHasNoFields() {
    assertThat(Csv.fields("a.png,\"half a capt")).isEmpty();
  }
}
