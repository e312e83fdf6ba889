package io.promptlens.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The READMEs' provider tables are the data file's: the main README's defaults and this module's
 * table of every known model. Run with {@code -Dproviders.table.write=true} to rewrite them after
 * editing providers.json.
 */
class ProviderTableTest {

  static final boolean WRITE = Boolean.getBoolean("providers.table.write");

  @Test
  void theMainReadmesProviderTableComesFromTheDataFile() throws Exception {
    assertBlock(
        Path.of("..", "README.md"),
        ProviderTable.DEFAULTS_BEGIN,
        ProviderTable.DEFAULTS_END,
        ProviderTable.defaults(ProviderCatalog.builtIn()));
  }

  @Test
  void theProvidersReadmesModelTableComesFromTheDataFile() throws Exception {
    assertBlock(
        Path.of("README.md"),
        ProviderTable.MODELS_BEGIN,
        ProviderTable.MODELS_END,
        ProviderTable.models(ProviderCatalog.builtIn()));
  }

  @Test
  void aTableThatDisagreesWithTheDataIsNoticed() {
    String stale =
        "intro\n"
            + ProviderTable.DEFAULTS_BEGIN
            + "\n| gemini | `gemini-2.5-flash` |\n"
            + ProviderTable.DEFAULTS_END
            + "\n";

    String fresh =
        ProviderTable.replaceBlock(
            stale,
            ProviderTable.DEFAULTS_BEGIN,
            ProviderTable.DEFAULTS_END,
            ProviderTable.defaults(ProviderCatalog.builtIn()));

    assertThat(fresh).isNotEqualTo(stale).contains("`gemini-3.5-flash-lite`");
    assertThat(fresh).doesNotContain("`gemini-2.5-flash`");
    assertThat(fresh).startsWith("intro\n").endsWith(ProviderTable.DEFAULTS_END + "\n");
  }

  private static void assertBlock(Path file, String begin, String end, String body)
      throws Exception {
    String text = Files.readString(file);
    String expected = ProviderTable.replaceBlock(text, begin, end, body);
    if (WRITE && !expected.equals(text)) {
      Files.writeString(file, expected);
      text = expected;
    }
    assertThat(text)
        .as(
            "%s's table differs from providers.json; run mvn -pl providers test"
                + " -Dtest=ProviderTableTest -Dproviders.table.write=true",
            file)
        .isEqualTo(expected);
  }
}
