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
  void aMenuBarOrADialogsButtonsReadAsAProgramWindow() {
    TextContent menuBar = read("File Edit View Insert Format Tools Data Help", "A1", "Sum=0");
    TextContent dialog = read("Input range:", "Grouped by:", "Columns", "Help", "Cancel", "OK");

    assertThat(menuBar.readsAsProgramWindow()).isTrue();
    assertThat(menuBar.programWords())
        .containsExactly("file", "edit", "view", "insert", "format", "tools", "help");
    assertThat(dialog.readsAsProgramWindow()).isTrue();
    assertThat(dialog.programWords()).containsExactly("help", "cancel", "ok");
  }

  @Test
  void programWordsInsideASentenceOrAloneAreNotAWindow() {
    TextContent manual =
        read("To print the page, open the File menu and choose Print, or press Help for more.");
    TextContent sign = read("HELP");
    TextContent shop = read("OPEN", "CLOSED ON SUNDAY", "SAVE 20%", "NEXT DOOR");
    TextContent drawnSign = read("HELP WANTED", "APPLY WITHIN");

    assertThat(manual.readsAsProgramWindow()).isFalse();
    assertThat(drawnSign.readsAsProgramWindow()).isFalse();
    assertThat(sign.readsAsProgramWindow()).isFalse();
    assertThat(shop.readsAsProgramWindow()).isFalse();
  }

  @Test
  void nothingReadIsNoText() {
    assertThat(TextContent.none().readsAsRunningText()).isFalse();
  }
}
