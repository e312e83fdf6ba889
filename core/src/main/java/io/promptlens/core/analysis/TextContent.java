package io.promptlens.core.analysis;

import java.util.List;

/** Text read from the image: all of it in reading order, and line by line with boxes. */
public record TextContent(String content, List<Line> lines) {

  public TextContent {
    lines = List.copyOf(lines);
  }

  public static TextContent none() {
    return new TextContent("", List.of());
  }

  /** One text line: its text, recognition confidence and normalised box. */
  public record Line(String text, double confidence, List<Double> box) {
    public Line {
      box = List.copyOf(box);
    }
  }
}
