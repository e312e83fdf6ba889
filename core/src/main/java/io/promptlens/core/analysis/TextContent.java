package io.promptlens.core.analysis;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

  /**
   * Words a program's window shows as a menu or a button: the standard menu-bar titles (File, Edit,
   * Format, View, Window, Help in Apple's Human Interface Guidelines; File, Edit, View, Tools,
   * Options, Insert, Help in Microsoft's Windows menu guidelines) and the commit buttons of dialogs
   * and wizards (OK, Cancel, Apply, Browse, Finish). Words that are as common on signs and in
   * drawings (Open, Close, Save, Back, Next, Delete) are left out.
   */
  public static final Set<String> PROGRAM_WORDS =
      Set.of(
          "file", "edit", "format", "view", "window", "help", "tools", "options", "insert", "ok",
          "cancel", "apply", "browse", "finish");

  /**
   * A button or a menu entry holds at most this many words. A longer line counts only when every
   * word is written as a menu title is ({@link #guiCased}): a menu bar, not a sentence that
   * mentions "the File menu".
   */
  public static final int PROGRAM_LINE_WORDS = 3;

  /** ... and a window shows at least this many different ones: one word can be anything. */
  public static final int PROGRAM_WORDS_SEEN = 2;

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

  /**
   * Whether what was read names a program's menus or buttons ({@link #PROGRAM_WORDS}): at least
   * {@link #PROGRAM_WORDS_SEEN} different ones, each written as a program writes it ("File",
   * "Cancel", "OK", not a sign's "HELP") on a button-sized line or a menu bar.
   */
  public boolean readsAsProgramWindow() {
    return programWords().size() >= PROGRAM_WORDS_SEEN;
  }

  /** The {@link #PROGRAM_WORDS} read as a program writes them, lower case, in reading order. */
  public List<String> programWords() {
    Set<String> seen = new LinkedHashSet<>();
    for (Line line : lines) {
      List<String> words =
          Arrays.stream(line.text().split("[^A-Za-z]+")).filter(w -> !w.isEmpty()).toList();
      if (words.size() <= PROGRAM_LINE_WORDS || words.stream().allMatch(TextContent::guiCased)) {
        words.stream()
            .filter(TextContent::guiCased)
            .map(w -> w.toLowerCase(Locale.ROOT))
            .filter(PROGRAM_WORDS::contains)
            .forEach(seen::add);
      }
    }
    return List.copyOf(seen);
  }

  /** "File", "Cancel" or "OK": how menu titles and buttons are written. */
  private static boolean guiCased(String word) {
    return word.equals("OK") || word.matches("[A-Z][a-z]+");
  }

  /** One text line: its text, recognition confidence and normalised box. */
  public record Line(String text, double confidence, List<Double> box) {
    public Line {
      box = List.copyOf(box);
    }
  }
}
