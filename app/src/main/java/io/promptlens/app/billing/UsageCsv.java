package io.promptlens.app.billing;

import org.jspecify.annotations.Nullable;

/**
 * The ledger rows of a usage report as CSV (RFC 4180). A text cell that a spreadsheet would read as
 * a formula (starting with {@code = + - @}) is prefixed with an apostrophe.
 */
final class UsageCsv {

  private UsageCsv() {}

  static String write(UsageReport.Usage usage) {
    StringBuilder csv =
        new StringBuilder(
            "time,kind,amount,member_id,member,api_key_id,operation,operation_id,reason\r\n");
    for (UsageReport.Entry e : usage.entries()) {
      csv.append(e.at())
          .append(',')
          .append(e.kind())
          .append(',')
          .append(e.amount())
          .append(',')
          .append(e.userId() == null ? "" : e.userId())
          .append(',')
          .append(cell(e.member()))
          .append(',')
          .append(e.apiKeyId() == null ? "" : e.apiKeyId())
          .append(',')
          .append(cell(e.operation()))
          .append(',')
          .append(cell(e.operationId()))
          .append(',')
          .append(cell(e.reason()))
          .append("\r\n");
    }
    return csv.toString();
  }

  static String cell(@Nullable String value) {
    if (value == null) {
      return "";
    }
    String text = value;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
