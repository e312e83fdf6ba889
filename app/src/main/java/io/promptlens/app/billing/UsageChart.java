package io.promptlens.app.billing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * Credits used per member per day as an inline SVG bar chart, drawn on the server (no script, no
 * build step): one stacked bar per day, one colour per member, a legend below. Names are escaped.
 */
final class UsageChart {

  private static final String[] COLOURS = {
    "#1f4ea8", "#d93a2b", "#2e8b57", "#f2a12e", "#7b3fa0", "#1b9aaa", "#8c564b", "#e377c2"
  };
  private static final int WIDTH = 720;
  private static final int HEIGHT = 200;
  private static final int LEFT = 40;
  private static final int BOTTOM = 20;

  private UsageChart() {}

  static String svg(UsageReport.Usage usage) {
    LocalDate from = usage.from();
    int days = (int) ChronoUnit.DAYS.between(from, usage.to()) + 1;
    Map<String, String> memberNames = UsageReport.members(usage);
    List<String> members = new ArrayList<>(memberNames.keySet());
    List<String> names = new ArrayList<>(memberNames.values()); // in the order of members
    long[][] credits = new long[days][members.size()];
    long max = 1;
    for (UsageReport.MemberDay day : usage.perMemberPerDay()) {
      int d = (int) ChronoUnit.DAYS.between(from, day.day());
      credits[d][members.indexOf(String.valueOf(day.userId()))] += day.credits();
    }
    for (long[] day : credits) {
      long total = 0;
      for (long c : day) {
        total += c;
      }
      max = Math.max(max, total);
    }
    double barWidth = (WIDTH - LEFT) / (double) days;
    double plot = HEIGHT - BOTTOM;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg id=\"usage-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
        .append(" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT + 20 + 16 * members.size())
        .append("\" aria-label=\"Credits used per member per day\">");
    svg.append("<text x=\"0\" y=\"12\" font-size=\"11\">")
        .append(max)
        .append("</text><text x=\"0\" y=\"")
        .append((int) plot)
        .append("\" font-size=\"11\">0</text>");
    for (int d = 0; d < days; d++) {
      double y = plot;
      for (int m = 0; m < members.size(); m++) {
        if (credits[d][m] == 0) {
          continue;
        }
        double h = plot * credits[d][m] / max;
        y -= h;
        svg.append(
            String.format(
                java.util.Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s"
                    + " · %s: %d</title></rect>",
                LEFT + d * barWidth + 1,
                y,
                Math.max(1, barWidth - 2),
                h,
                COLOURS[m % COLOURS.length],
                from.plusDays(d),
                HtmlUtils.htmlEscape(names.get(m)),
                credits[d][m]));
      }
    }
    svg.append("<text x=\"")
        .append(LEFT)
        .append("\" y=\"")
        .append(HEIGHT)
        .append("\" font-size=\"11\">")
        .append(from)
        .append("</text><text x=\"")
        .append(WIDTH)
        .append("\" y=\"")
        .append(HEIGHT)
        .append("\" font-size=\"11\" text-anchor=\"end\">")
        .append(usage.to())
        .append("</text>");
    for (int m = 0; m < members.size(); m++) {
      int y = HEIGHT + 16 + 16 * m;
      svg.append("<rect x=\"")
          .append(LEFT)
          .append("\" y=\"")
          .append(y - 10)
          .append("\" width=\"10\" height=\"10\" fill=\"")
          .append(COLOURS[m % COLOURS.length])
          .append("\"/><text x=\"")
          .append(LEFT + 16)
          .append("\" y=\"")
          .append(y)
          .append("\" font-size=\"12\">")
          .append(HtmlUtils.htmlEscape(names.get(m)))
          .append("</text>");
    }
    return svg.append("</svg>").toString();
  }
}
