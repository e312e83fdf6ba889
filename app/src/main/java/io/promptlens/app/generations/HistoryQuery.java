package io.promptlens.app.generations;

import io.promptlens.core.compiler.TargetRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * History search: text in the prompt, a target (id or alias), and dates (UTC days, both inclusive).
 * Parsed from the query string; a bad value is a 400 that says which.
 */
public record HistoryQuery(
    @Nullable String text,
    @Nullable String target,
    @Nullable Instant from,
    @Nullable Instant to,
    int limit) {

  static final int MAX = 200;

  public static HistoryQuery parse(
      TargetRegistry targets,
      @Nullable String text,
      @Nullable String target,
      @Nullable String from,
      @Nullable String to,
      @Nullable Integer limit) {
    return new HistoryQuery(
        blank(text) ? null : text.strip(),
        blank(target) ? null : targets.require(target).id(),
        blank(from) ? null : day("from", from).atStartOfDay().toInstant(ZoneOffset.UTC),
        blank(to) ? null : day("to", to).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
        limit == null ? 50 : Math.max(1, Math.min(MAX, limit)));
  }

  private static LocalDate day(String name, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidPromptRequestException(
          name + " '" + value + "' is not a date (expected YYYY-MM-DD)");
    }
  }

  @Contract("null -> true") // so NullAway knows a value that is not blank is not null
  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
