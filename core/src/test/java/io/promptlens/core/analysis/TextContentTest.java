package io.promptlens.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextContentTest {

  private static TextContent read(String... lines) {
    List<TextContent.Line> read = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      read.add(new TextContent.Line(lines[i], 0.9, List.of(0.1, 0.05 + i * 0.06, 0.8, 0.04)));
    }
    return new TextContent(String.join("\n", lines), read);
  }

  @Test
  void linesOfProseAcrossAPageAreRunningText() {
    TextContent page =
        read(
            "Region-based segmentation: let us first determine",
            "markers of the coins and the background. These",
            "markers are pixels that we can label unambiguously",
            "as either object or background. Here, the markers",
            "are found at the two extreme parts of the histogram",
            "of grey values.");

    assertThat(page.readsAsRunningText()).isTrue();
  }

  @Test
  void theShortLabelsOfADialogOrADiagramAreNot() {
    TextContent dialog =
        read("Open", "Look In:", "640x480", "tag16_05_640x480.png", "File Name:", "Open", "Cancel");
    TextContent diagram = read("User", "Space", "OS", "Buffers", "Disk", "shared");

    assertThat(dialog.readsAsRunningText()).isFalse();
    assertThat(diagram.readsAsRunningText()).isFalse();
  }

  @Test
  void aFewLongLinesAmongManyLabelsAreNotAPage() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      lines.add("a long line of running text number " + i + " in a panel");
    }
    for (int i = 0; i < 6; i++) {
      lines.add("item " + i);
    }

    assertThat(read(lines.toArray(String[]::new)).readsAsRunningText()).isFalse();
    assertThat(read(lines.subList(0, 10).toArray(String[]::new)).readsAsRunningText()).isTrue();
  }

  @Test
  void nothingReadIsNoText() {
    assertThat(TextContent.none().readsAsRunningText()).isFalse();
  }
}
