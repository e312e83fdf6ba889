package io.promptlens.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registry of personal data ({@link PersonalData}) and {@code docs/privacy-inventory.md}
 * against the schema the running database has: a table or column someone adds without deciding what
 * it means for privacy fails here, on H2 and (in the subclass) on PostgreSQL.
 */
@AppIntegration
class PersonalDataRegistryTests {

  static final Path INVENTORY = Path.of("../docs/privacy-inventory.md");
  private static final Pattern INVENTORY_ROW =
      Pattern.compile("^\\| `([a-z0-9_]+)` \\| `([a-z0-9_]+)` \\|");

  @Autowired DataSource dataSource;

  @Test
  void everyTableIsRegisteredOrDeclaredNotPersonal() {
    Set<String> unaccounted = new TreeSet<>(LiveSchema.read(dataSource).tables());
    PersonalData.TABLES.forEach(table -> unaccounted.remove(table.name()));
    unaccounted.removeAll(PersonalData.NOT_PERSONAL.keySet());

    assertThat(unaccounted)
        .as("tables in neither PersonalData.TABLES nor PersonalData.NOT_PERSONAL")
        .isEmpty();
  }

  @Test
  void everyTableThatReferencesAPersonOrWorkspaceIsInTheRegistry() {
    Set<String> referencing = LiveSchema.read(dataSource).tablesReferencingAPersonOrWorkspace();

    assertThat(referencing).isNotEmpty();
    assertThat(referencing)
        .allSatisfy(
            table ->
                assertThat(PersonalData.find(table))
                    .as(table + " references users or workspaces but is not in PersonalData")
                    .isPresent());
  }

  @Test
  void everyRegisteredTableAndColumnExists() {
    LiveSchema schema = LiveSchema.read(dataSource);
    for (PersonalData.Table table : PersonalData.TABLES) {
      assertThat(schema.tables()).as("registered table").contains(table.name());
      Set<String> columns = schema.columns().get(table.name()).keySet();
      assertThat(columns).as(table.name()).containsAll(table.reassign()).containsAll(table.clear());
      assertThat(columns).as(table.name() + " secret columns").containsAll(table.secret());
    }
  }

  @Test
  void everyColumnIsInTheInventoryAndTheInventoryNamesNoMissingOne() throws IOException {
    Set<String> live = new TreeSet<>();
    LiveSchema.read(dataSource)
        .columns()
        .forEach((table, columns) -> columns.keySet().forEach(c -> live.add(table + "." + c)));
    Set<String> documented = inventory();

    Set<String> missing = new TreeSet<>(live);
    missing.removeAll(documented);
    Set<String> stale = new TreeSet<>(documented);
    stale.removeAll(live);
    assertThat(missing).as("columns missing from docs/privacy-inventory.md").isEmpty();
    assertThat(stale).as("inventory rows naming no column of the schema").isEmpty();
  }

  /** "table.column" for every row of the inventory's tables. */
  static Set<String> inventory() throws IOException {
    Set<String> rows = new TreeSet<>();
    for (String line : Files.readAllLines(INVENTORY)) {
      Matcher row = INVENTORY_ROW.matcher(line);
      if (row.find()) {
        rows.add(row.group(1) + "." + row.group(2));
      }
    }
    return rows;
  }
}
