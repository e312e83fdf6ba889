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

  /**
   * The fields of one line written by {@link #line}, unquoted; empty when the line is cut inside a
   * quoted field (what an interrupted write leaves). What a re-run reads.
   */
  public static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    boolean inQuotes = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inQuotes) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          value.append('"');
          i++;
        } else if (c == '"') {
          inQuotes = false;
        } else {
          value.append(c);
        }
      } else if (c == '"' && value.isEmpty() && !quoted) {
        inQuotes = true;
        quoted = true;
      } else if (c == ',') {
        fields.add(unguarded(value.toString()));
        value.setLength(0);
        quoted = false;
      } else {
        value.append(c);
      }
    }
    if (inQuotes) {
      return List.of();
    }
    fields.add(unguarded(value.toString()));
    return fields;
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
