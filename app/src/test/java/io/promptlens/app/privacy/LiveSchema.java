package io.promptlens.app.privacy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The schema as the running database has it (H2 or PostgreSQL), read through JDBC metadata: tables,
 * their columns with a "holds text" flag, and foreign keys. Names are lower-cased, since H2 reports
 * unquoted names in upper case and PostgreSQL in lower case.
 */
record LiveSchema(
    Map<String, Map<String, Boolean>> columns,
    Map<String, Set<String>> referencedTables,
    Map<String, String> quoted) {

  /** Table → the user or workspace columns of its foreign keys, by referenced table. */
  static LiveSchema read(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String schema = connection.getSchema();
      Map<String, Map<String, Boolean>> columns = new TreeMap<>();
      Map<String, Set<String>> references = new TreeMap<>();
      Map<String, String> quoted = new TreeMap<>();
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
        while (rows.next()) {
          tables.add(rows.getString("TABLE_NAME"));
        }
      }
      for (String table : tables) {
        String name = table.toLowerCase(Locale.ROOT);
        quoted.put(name, '"' + table + '"');
        Map<String, Boolean> tableColumns = new TreeMap<>();
        try (ResultSet rows = meta.getColumns(null, schema, table, "%")) {
          while (rows.next()) {
            String column = rows.getString("COLUMN_NAME");
            tableColumns.put(column.toLowerCase(Locale.ROOT), isText(rows.getInt("DATA_TYPE")));
            quoted.put(name + "." + column.toLowerCase(Locale.ROOT), '"' + column + '"');
          }
        }
        columns.put(name, tableColumns);
        Set<String> referenced = new TreeSet<>();
        try (ResultSet rows = meta.getImportedKeys(null, schema, table)) {
          while (rows.next()) {
            referenced.add(rows.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
          }
        }
        references.put(name, referenced);
      }
      return new LiveSchema(columns, references, quoted);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A table ("users") or column ("users.email") as SQL, quoted with the database's own spelling: H2
   * keeps Flyway's history table in lower case and every other table in upper case.
   */
  String sql(String name) {
    return quoted.get(name);
  }

  Set<String> tables() {
    return columns.keySet();
  }

  /** Tables with a foreign key to users or workspaces. */
  Set<String> tablesReferencingAPersonOrWorkspace() {
    Set<String> found = new TreeSet<>();
    referencedTables.forEach(
        (table, referenced) -> {
          if (referenced.contains("users") || referenced.contains("workspaces")) {
            found.add(table);
          }
        });
    return found;
  }

  /** The foreign-key columns of {@code table} that point at {@code target}. */
  static List<String> foreignKeyColumns(DataSource dataSource, String table, String target) {
    List<String> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
        try (ResultSet rows = meta.getImportedKeys(null, connection.getSchema(), name)) {
          while (rows.next()) {
            if (rows.getString("PKTABLE_NAME").equalsIgnoreCase(target)) {
              found.add(rows.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  private static boolean isText(int type) {
    return type == Types.VARCHAR
        || type == Types.CHAR
        || type == Types.LONGVARCHAR
        || type == Types.CLOB
        || type == Types.NVARCHAR
        || type == Types.NCHAR
        || type == Types.LONGNVARCHAR
        || type == Types.NCLOB;
  }
}
