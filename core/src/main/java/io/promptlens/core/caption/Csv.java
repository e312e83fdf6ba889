package io.promptlens.core.caption;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 lines: a field with a comma, quote or line break is quoted, quotes doubled. A field
 * starting with {@code = + - @} (or a tab or carriage return) gets a leading apostrophe so a
 * spreadsheet opening the file never runs it as a formula (OWASP's CSV-injection advice): file
 * names and provider words are user input.
 */
public final class Csv {

  private Csv() {}

  /** One line of fields, without the line break; null is an empty field. */
  public static String line(List<?> fields) {
    List<String> out = new ArrayList<>(fields.size());
    for (Object field : fields) {
      out.add(field(field == null ? "" : field.toString()));
    }
    return String.join(",", out);
  }

  /** The first field of one line written by {@link #line}, unquoted; what a re-run reads. */
  public static String firstField(String line) {
    if (!line.startsWith("\"")) {
      int comma = line.indexOf(',');
      return unguarded(comma < 0 ? line : line.substring(0, comma));
    }
    StringBuilder value = new StringBuilder();
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
          value.append('"');
          i++;
        } else {
          break;
        }
      } else {
        value.append(c);
      }
    }
    return unguarded(value.toString());
  }

  private static String field(String value) {
    String guarded =
        value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
    if (guarded.indexOf(',') < 0
        && guarded.indexOf('"') < 0
        && guarded.indexOf('\n') < 0
        && guarded.indexOf('\r') < 0) {
      return guarded;
    }
    return '"' + guarded.replace("\"", "\"\"") + '"';
  }

  private static String unguarded(String value) {
    return value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0
        ? value.substring(1)
        : value;
  }
}
