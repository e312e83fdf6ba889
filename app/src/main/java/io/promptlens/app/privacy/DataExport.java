package io.promptlens.app.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The right of access and to portability: everything {@link PersonalData} says is about a person,
 * as a ZIP with one JSON file (an array of objects) and one CSV file per table, plus {@code
 * manifest.json} with the row counts. Columns marked secret (password and key hashes, session ids)
 * are left out; everything else of the person's rows is in.
 */
@Service
class DataExport {

  /** One export: the tables' rows, by table, in registry order. */
  record Contents(Map<String, List<Map<String, Object>>> tables) {

    int rows() {
      return tables.values().stream().mapToInt(List::size).sum();
    }
  }

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  DataExport(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** How many rows an export would hold, to decide between answering now and mailing a link. */
  @Transactional(readOnly = true)
  int count(UUID userId, String email) {
    int rows = 0;
    Map<String, Object> person = person(userId, email);
    for (PersonalData.Table table : PersonalData.TABLES) {
      rows +=
          jdbc.sql("SELECT COUNT(*) FROM " + table.name() + " WHERE " + table.rows())
              .params(person)
              .query(Long.class)
              .single()
              .intValue();
    }
    return rows;
  }

  @Transactional(readOnly = true)
  Contents collect(UUID userId, String email) {
    Map<String, Object> person = person(userId, email);
    Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    for (PersonalData.Table table : PersonalData.TABLES) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Map<String, Object> row :
          jdbc.sql("SELECT * FROM " + table.name() + " WHERE " + table.rows())
              .params(person)
              .query()
              .listOfRows()) {
        Map<String, Object> exported = new LinkedHashMap<>();
        row.forEach(
            (column, value) -> {
              if (table.exports(column)) {
                exported.put(column.toLowerCase(Locale.ROOT), plain(value));
              }
            });
        rows.add(exported);
      }
      tables.put(table.name(), rows);
    }
    return new Contents(tables);
  }

  byte[] zip(Contents contents) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put(
          "exportedAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).toString());
      manifest.put("format", "one JSON array and one CSV file per table; times in UTC");
      Map<String, Integer> counts = new LinkedHashMap<>();
      contents.tables().forEach((table, rows) -> counts.put(table, rows.size()));
      manifest.put("tables", counts);
      entry(
          zip, "manifest.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
      for (var table : contents.tables().entrySet()) {
        entry(
            zip,
            table.getKey() + ".json",
            json.writerWithDefaultPrettyPrinter().writeValueAsBytes(table.getValue()));
        entry(zip, table.getKey() + ".csv", csv(table.getValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Map<String, Object> person(UUID userId, String email) {
    Map<String, Object> person = new HashMap<>();
    person.put("user", userId);
    person.put("userText", userId.toString());
    person.put("email", email);
    return person;
  }

  /** JSON- and CSV-friendly values: text for ids and times, Base64 for bytes. */
  private static Object plain(Object value) {
    if (value instanceof UUID id) {
      return id.toString();
    }
    if (value instanceof OffsetDateTime time) {
      return time.withOffsetSameInstant(ZoneOffset.UTC).toString();
    }
    if (value instanceof Timestamp time) {
      return time.toInstant().toString();
    }
    if (value instanceof java.time.temporal.TemporalAccessor time) {
      return time.toString();
    }
    if (value instanceof byte[] data) {
      return Base64.getEncoder().encodeToString(data);
    }
    return value;
  }

  private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
  }

  /** RFC 4180: a header row, every field quoted when it holds a comma, quote or line break. */
  static byte[] csv(List<Map<String, Object>> rows) {
    StringBuilder out = new StringBuilder();
    if (!rows.isEmpty()) {
      List<String> columns = new ArrayList<>(rows.get(0).keySet());
      out.append(String.join(",", columns.stream().map(DataExport::field).toList())).append("\r\n");
      for (Map<String, Object> row : rows) {
        out.append(
                String.join(
                    ",",
                    columns.stream()
                        .map(c -> row.get(c) == null ? "" : field(String.valueOf(row.get(c))))
                        .toList()))
            .append("\r\n");
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String field(String value) {
    return value.contains(",")
            || value.contains("\"")
            || value.contains("\n")
            || value.contains("\r")
        ? "\"" + value.replace("\"", "\"\"") + "\""
        : value;
  }
}
