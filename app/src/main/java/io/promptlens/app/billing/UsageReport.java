package io.promptlens.app.billing;

import io.promptlens.app.workspaces.WorkspaceProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's ledger over a range of UTC days: credits used per member per day (for the chart),
 * the entries themselves (recent charges, CSV). Days are counted in UTC in Java, so H2 and
 * PostgreSQL agree whatever their session time zone.
 */
@Service
class UsageReport {

  static final int MAX_DAYS = 366;

  /** One ledger row with the name of the member who caused it. */
  record Entry(
      Instant at,
      String kind,
      long amount,
      @Nullable UUID userId,
      @Nullable String member,
      @Nullable UUID apiKeyId,
      @Nullable String operation,
      @Nullable String operationId,
      String reason) {}

  /** Credits one member used on one day (usage rows only). */
  record MemberDay(LocalDate day, @Nullable UUID userId, String member, long credits) {}

  record Usage(
      LocalDate from,
      LocalDate to,
      long used,
      List<MemberDay> perMemberPerDay,
      List<Entry> entries) {}

  private final JdbcClient jdbc;

  UsageReport(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The range from the query's {@code from} and {@code to} (inclusive ISO dates; last 30 days). */
  static LocalDate[] range(@Nullable String from, @Nullable String to, LocalDate today) {
    LocalDate end = parse("to", to, today);
    LocalDate start = parse("from", from, end.minusDays(29));
    if (start.isAfter(end)) {
      throw WorkspaceProblem.badRequest("'from' must not be after 'to'.");
    }
    if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
      throw WorkspaceProblem.badRequest("Ask for at most " + MAX_DAYS + " days at a time.");
    }
    return new LocalDate[] {start, end};
  }

  private static LocalDate parse(String name, @Nullable String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw WorkspaceProblem.badRequest(
          "'" + name + "' must be a date like 2026-12-05 (got '" + value + "').");
    }
  }

  @Transactional(readOnly = true)
  Usage usage(UUID workspaceId, LocalDate from, LocalDate to) {
    List<Entry> entries =
        jdbc.sql(
                """
                SELECT l.created_at, l.kind, l.amount, l.user_id, u.first_name, u.last_name,
                    l.api_key_id, l.operation, l.operation_id, l.reason
                FROM credit_ledger l LEFT JOIN users u ON u.id = l.user_id
                WHERE l.workspace_id = :ws AND l.created_at >= :from AND l.created_at < :to
                ORDER BY l.created_at DESC, l.id
                """)
            .param("ws", workspaceId)
            .param("from", from.atStartOfDay().atOffset(ZoneOffset.UTC))
            .param("to", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
            .query(
                (row, n) -> {
                  String first = row.getString("first_name");
                  return new Entry(
                      row.getObject("created_at", OffsetDateTime.class).toInstant(),
                      row.getString("kind"),
                      row.getLong("amount"),
                      row.getObject("user_id", UUID.class),
                      first == null ? null : first + " " + row.getString("last_name"),
                      row.getObject("api_key_id", UUID.class),
                      row.getString("operation"),
                      row.getString("operation_id"),
                      row.getString("reason"));
                })
            .list();
    Map<String, MemberDay> days = new TreeMap<>();
    long used = 0;
    for (Entry entry : entries) {
      if (!"usage".equals(entry.kind())) {
        continue;
      }
      used -= entry.amount();
      LocalDate day = LocalDate.ofInstant(entry.at(), ZoneOffset.UTC);
      String member = entry.member() == null ? "(no member)" : entry.member();
      String key = day + "|" + entry.userId();
      MemberDay before = days.get(key);
      days.put(
          key,
          new MemberDay(
              day,
              entry.userId(),
              member,
              (before == null ? 0 : before.credits()) - entry.amount()));
    }
    return new Usage(from, to, used, new ArrayList<>(days.values()), entries);
  }

  /** The members in the report, in order of first appearance, for the chart's legend. */
  static Map<String, String> members(Usage usage) {
    Map<String, String> members = new LinkedHashMap<>();
    for (MemberDay day : usage.perMemberPerDay()) {
      members.putIfAbsent(String.valueOf(day.userId()), day.member());
    }
    return members;
  }
}
