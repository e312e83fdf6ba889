package io.promptlens.core.analysis;

import java.util.List;

/** Text read from the image: all of it in reading order, and line by line with boxes. */
public record TextContent(String content, List<Line> lines) {

  public TextContent {
    lines = List.copyOf(lines);
  }

  /**
   * A line of running text holds at least this many characters. Typographers set a page's lines at
   * 45 to 75 characters (Bringhurst, <i>The Elements of Typographic Style</i>, 2.1.2); 30 leaves
   * room for narrow columns and for a reader that splits a line in two. Labels in a diagram, menu
   * entries, buttons, file names and table cells are shorter.
   */
  public static final int RUNNING_LINE_CHARS = 30;

  /** ... and a page has at least this many of them (a paragraph; a sign or a caption has fewer). */
  public static final int RUNNING_LINES = 5;

  public static TextContent none() {
    return new TextContent("", List.of());
  }

  /**
   * Whether what was read is running text, as on a page of print: at least {@link #RUNNING_LINES}
   * lines of at least {@link #RUNNING_LINE_CHARS} characters, making up at least half of the lines
   * read. A screenshot of a dialog, a flow chart, a table or a chart of letters is full of short
   * read lines and is not a page of printed text (issue 18: all of them were called one).
   */
  public boolean readsAsRunningText() {
    long running =
        lines.stream().filter(l -> l.text().strip().length() >= RUNNING_LINE_CHARS).count();
    return running >= RUNNING_LINES && 2 * running >= lines.size();
  }

  /** One text line: its text, recognition confidence and normalised box. */
  public record Line(String text, double confidence, List<Double> box) {
    public Line {
      box = List.copyOf(box);
    }
  }
}
